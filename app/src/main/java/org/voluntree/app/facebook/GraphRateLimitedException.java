package org.voluntree.app.facebook;

import java.time.Duration;

/** A usage limit is reached (or about to be): try again after {@link #retryAfter()}. */
public class GraphRateLimitedException extends GraphException {

    private final Duration retryAfter;

    GraphRateLimitedException(String message, Integer code, Duration retryAfter, Throwable cause) {
        super(message, code, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
