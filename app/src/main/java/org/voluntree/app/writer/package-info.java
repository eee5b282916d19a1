/**
 * The writer: reads {@code s:classified} in batches, upserts messages, classifications,
 * volunteers and interests in one PostgreSQL transaction keyed by external ids, publishes one
 * event per message on its organisation's channel, and only then acknowledges.
 */
package org.voluntree.app.writer;
