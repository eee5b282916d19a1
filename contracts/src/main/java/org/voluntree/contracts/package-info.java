/** What every part of Voluntree agrees on: Redis names, records, codecs, the featuriser and the model manifest. */
package org.voluntree.contracts;
