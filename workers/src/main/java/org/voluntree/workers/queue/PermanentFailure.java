package org.voluntree.workers.queue;

/** An item that can never succeed (malformed, unknown kind): it goes to {@code s:dead} at once. */
public class PermanentFailure extends RuntimeException {

    private PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public static PermanentFailure because(String reason) {
        return new PermanentFailure(reason, null);
    }

    public static PermanentFailure because(String reason, Throwable cause) {
        return new PermanentFailure(reason, cause);
    }
}
