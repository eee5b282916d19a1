package org.voluntree.app.api;

/** Input that the API refuses, naming the field at fault. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    private InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public static InvalidFieldException of(String field, String reason) {
        return new InvalidFieldException(field, reason);
    }

    public String field() {
        return field;
    }
}
