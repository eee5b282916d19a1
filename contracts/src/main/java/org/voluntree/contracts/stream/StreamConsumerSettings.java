package org.voluntree.contracts.stream;

import java.time.Duration;

/**
 * How a stream consumer batches and recovers.
 *
 * @param stream the stream read
 * @param group the consumer group
 * @param consumer this consumer's name in the group; unique per process
 * @param batchSize most entries handled in one batch (N)
 * @param maxWait longest a batch keeps taking entries that are already waiting once its first
 *     entry arrived (T); also how long one read blocks on an empty stream
 * @param claimMinIdle how long an entry stays pending with a consumer before another takes it over
 * @param claimEvery how often the consumer looks for such entries
 * @param maxDeliveries deliveries after which an entry that keeps failing goes to {@code s:dead}
 */
public record StreamConsumerSettings(
        String stream,
        String group,
        String consumer,
        int batchSize,
        Duration maxWait,
        Duration claimMinIdle,
        Duration claimEvery,
        int maxDeliveries) {

    public StreamConsumerSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive, was " + maxWait);
        }
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries must be at least 1, was " + maxDeliveries);
        }
    }
}
