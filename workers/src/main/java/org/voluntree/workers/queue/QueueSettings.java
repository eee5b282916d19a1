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
 * @param retryBackoff wait before the first retry of a failed item, doubled on each further
 *     failure; zero retries at once
 * @param maxRetryBackoff the longest wait between retries
 * @param batchSize most items a consumer takes in one turn: it blocks for the first, then takes
 *     what is already waiting (never waiting for more) and hands them to
 *     {@link JobHandler#handleAll} together; 1 takes one at a time
 */
public record QueueSettings(
        int consumers,
        int maxAttempts,
        Duration pollTimeout,
        Duration heartbeatEvery,
        Duration staleAfter,
        Duration retryBackoff,
        Duration maxRetryBackoff,
        int batchSize) {

    /** Settings that retry a failed item at once and take one item at a time. */
    public QueueSettings(
            int consumers, int maxAttempts, Duration pollTimeout, Duration heartbeatEvery, Duration staleAfter) {
        this(consumers, maxAttempts, pollTimeout, heartbeatEvery, staleAfter, Duration.ZERO, Duration.ZERO, 1);
    }

    public QueueSettings {
        if (consumers < 1) {
            throw new IllegalArgumentException("consumers must be at least 1, was " + consumers);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (staleAfter.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "staleAfter (" + staleAfter + ") must be at least twice heartbeatEvery (" + heartbeatEvery + ")");
        }
        if (retryBackoff.isNegative() || maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("retry backoff " + retryBackoff + " must be between zero and "
                    + "maxRetryBackoff " + maxRetryBackoff);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /** The same settings, taking up to {@code size} items a turn. */
    public QueueSettings withBatchSize(int size) {
        return new QueueSettings(
                consumers, maxAttempts, pollTimeout, heartbeatEvery, staleAfter, retryBackoff, maxRetryBackoff, size);
    }

    /** The wait before retrying an item that failed {@code attempts} times. */
    public Duration backoffAfter(long attempts) {
        if (retryBackoff.isZero()) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = retryBackoff.multipliedBy(factor);
        return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
    }

    public static QueueSettings defaults() {
        return new QueueSettings(
                2,
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                1);
    }
}
