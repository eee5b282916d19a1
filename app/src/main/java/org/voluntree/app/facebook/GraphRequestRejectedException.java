package org.voluntree.app.facebook;

/** Facebook refused the request itself (bad parameter, a second private reply, an expired window): retrying will not help. */
public class GraphRequestRejectedException extends GraphException {

    private final Integer subcode;

    GraphRequestRejectedException(String message, Integer code, Integer subcode, Throwable cause) {
        super(message, code, cause);
        this.subcode = subcode;
    }

    public Integer subcode() {
        return subcode;
    }

    /** Error 100 with subcode 33: the object does not exist (deleted), or this token cannot see it. */
    public boolean objectGone() {
        return Integer.valueOf(100).equals(code()) && Integer.valueOf(33).equals(subcode);
    }
}
