package org.voluntree.gears;

import java.time.Duration;

/**
 * How a gear batches and recovers.
 *
 * @param consumer this gear's consumer name in the {@code gear} group; unique per process
 * @param batchSize most entries classified in one batch (N)
 * @param maxWait longest a batch waits to fill once its first entry arrived (T)
 * @param claimMinIdle how long an entry stays pending with a consumer before another gear takes it over
 * @param claimEvery how often the gear looks for such entries
 * @param maxDeliveries deliveries after which an entry that keeps failing goes to {@code s:dead}
 * @param classifiedMaxLength approximate cap of {@code s:classified}
 */
public record GearSettings(
        String consumer,
        int batchSize,
        Duration maxWait,
        Duration claimMinIdle,
        Duration claimEvery,
        int maxDeliveries,
        long classifiedMaxLength) {

    public GearSettings {
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
