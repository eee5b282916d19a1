/** The records that travel between the parts: inbound Facebook events, featurised and classified messages, and their stream codecs. */
package org.voluntree.contracts.event;
