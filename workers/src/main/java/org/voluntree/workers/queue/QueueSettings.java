package org.voluntree.workers.queue;

import java.time.Duration;

/**
 * How a queue is drained.
 *
 * @param consumers worker threads per process
 * @param maxAttempts failed deliveries before an item goes to {@code s:dead}
 * @param pollTimeout how long one blocking pop waits before checking for shutdown
 * @param heartbeatEvery how often a live consumer says so
 * @param staleAfter how long without a heartbeat before a consumer's in-flight items are re-queued
 */
public record QueueSettings(
        int consumers,
        int maxAttempts,
        Duration pollTimeout,
        Duration heartbeatEvery,
        Duration staleAfter) {

    public QueueSettings {
        if (consumers < 1) {
            throw new IllegalArgumentException("consumers must be at least 1, was " + consumers);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (staleAfter.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("staleAfter (" + staleAfter
                    + ") must be at least twice heartbeatEvery (" + heartbeatEvery + ")");
        }
    }

    public static QueueSettings defaults() {
        return new QueueSettings(2, 5, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(15));
    }
}
