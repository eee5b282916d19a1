package org.voluntree.app.api;

/**
 * A resource that does not exist in the caller's organisation. Another organisation's resource
 * is reported the same way, so its existence is not revealed.
 */
public class NotFoundException extends RuntimeException {

    private final String field;

    private NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    private NotFoundException(String message) {
        this(null, message);
    }

    /** When the caller gave no id worth repeating. */
    public static NotFoundException of(String kind) {
        return new NotFoundException(kind + " not found in your organisation");
    }

    public static NotFoundException forId(String kind, long id) {
        return new NotFoundException("no " + kind + " " + id + " in your organisation");
    }

    /**
     * A request body's {@code field} names something the organisation does not have, e.g. "no signup 7
     * in your organisation; GET /api/signups lists them".
     */
    public static NotFoundException forField(String field, String kind, Object id, String whereListed) {
        return new NotFoundException(field, "no " + kind + " " + id + " in your organisation; " + whereListed);
    }

    /** The request field that named what was not found, if any. */
    public String field() {
        return field;
    }
}
