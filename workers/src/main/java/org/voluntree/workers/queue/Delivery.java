package org.voluntree.workers.queue;

/**
 * An item taken from a queue, held in the consumer's processing list until acknowledged.
 *
 * @param attempts failed deliveries of the same item before this one, as counted when it was taken
 *     (those whose consumer stopped included)
 */
public record Delivery(String queue, String consumer, byte[] item, int attempts) {}
