/** Text normalisation and the hashing featuriser that turns a message into the ids a model reads. */
package org.voluntree.contracts.text;
