/**
 * The consumer-group loop shared by every stream reader (the gear, the writer): batches of up to
 * N entries or T milliseconds, acknowledgement only after the effect, reclaiming of entries a
 * dead consumer left pending, and dead-lettering of entries that keep failing.
 */
package org.voluntree.contracts.stream;
