package org.voluntree.contracts.redis;

import java.time.Duration;

/**
 * The pause of a consumer loop after a failure: starts short, doubles on each failure in a row up
 * to a ceiling, and starts short again after a success. One instance per loop thread.
 */
public final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration CEILING = Duration.ofSeconds(5);

    private Duration next = FIRST;

    /** The pause the next failure will take. */
    public Duration next() {
        return next;
    }

    /** Sleeps the current pause and doubles the next one. */
    public void pause() {
        try {
            Thread.sleep(next.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(CEILING) > 0 ? CEILING : doubled;
    }

    /** A turn went well: the next failure pauses briefly again. */
    public void reset() {
        next = FIRST;
    }
}
