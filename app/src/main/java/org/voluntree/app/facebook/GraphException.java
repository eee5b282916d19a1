package org.voluntree.app.facebook;

/** A Graph API call that failed; the subclasses say what to do about it. */
public abstract class GraphException extends RuntimeException {

    private final Integer code;

    protected GraphException(String message, Integer code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Facebook's error code, when it sent one. */
    public Integer code() {
        return code;
    }
}
