package org.voluntree.app.api;

import java.time.Duration;

/** Too many failed logins for an e-mail from one address; the caller may retry after {@link #retryAfter()}. */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    private TooManyAttemptsException(Duration retryAfter) {
        super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public static TooManyAttemptsException retryAfter(Duration retryAfter) {
        return new TooManyAttemptsException(retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
