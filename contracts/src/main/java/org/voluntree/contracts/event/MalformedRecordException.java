package org.voluntree.contracts.event;

/** A stream entry or job that cannot be read; retrying will not help. */
public class MalformedRecordException extends RuntimeException {

    private MalformedRecordException(String message) {
        super(message);
    }

    public static MalformedRecordException because(String reason) {
        return new MalformedRecordException(reason);
    }
}
