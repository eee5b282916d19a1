package org.voluntree.app.page;

/** A page that cannot be connected, with the reason an admin can act on. */
public class PageConnectionException extends RuntimeException {

    private PageConnectionException(String message) {
        super(message);
    }

    public static PageConnectionException because(String reason) {
        return new PageConnectionException(reason);
    }
}
