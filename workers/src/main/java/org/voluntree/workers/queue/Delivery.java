package org.voluntree.workers.queue;

/** An item taken from a queue, held in the consumer's processing list until acknowledged. */
public record Delivery(String queue, String consumer, byte[] item) {}
