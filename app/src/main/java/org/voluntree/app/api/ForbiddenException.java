package org.voluntree.app.api;

/** The caller is known but may not do this (e.g. post in a chat session they have not joined). */
public class ForbiddenException extends RuntimeException {

    private ForbiddenException(String message) {
        super(message);
    }

    public static ForbiddenException because(String reason) {
        return new ForbiddenException(reason);
    }
}
