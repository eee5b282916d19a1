package org.voluntree.workers.queue;

import java.time.Duration;

/**
 * The work cannot be done yet for a reason outside the item (a rate limit, a token waiting to be
 * replaced): retry after the delay, without counting an attempt.
 */
public class RetryLater extends RuntimeException {

    private final Duration delay;

    private RetryLater(String reason, Duration delay) {
        super(reason);
        this.delay = delay;
    }

    public static RetryLater after(Duration delay, String reason) {
        return new RetryLater(reason, delay);
    }

    public Duration delay() {
        return delay;
    }
}
