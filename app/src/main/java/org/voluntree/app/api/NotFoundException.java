package org.voluntree.app.api;

/**
 * A resource that does not exist in the caller's organisation. Another organisation's resource
 * is reported the same way, so its existence is not revealed.
 */
public class NotFoundException extends RuntimeException {

    private NotFoundException(String message) {
        super(message);
    }

    /** When the caller gave no id worth repeating, or several (e.g. "page or signup"). */
    public static NotFoundException of(String kind) {
        return new NotFoundException(kind + " not found in your organisation");
    }

    public static NotFoundException forId(String kind, long id) {
        return new NotFoundException("no " + kind + " " + id + " in your organisation");
    }
}
