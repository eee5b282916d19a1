package org.voluntree.app.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value in a request body that reads as JSON but that the API refuses while reading it; Jackson adds
 * the path to the field ({@code slots[0].label}) and {@link ApiErrors} answers 400 with {@link #reason()}.
 */
public class RefusedValueException extends MismatchedInputException {

    private final String reason;

    private RefusedValueException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public static RefusedValueException because(JsonParser parser, String reason) {
        return new RefusedValueException(parser, reason);
    }

    /** What is wrong with the value and what to do, for the caller. */
    public String reason() {
        return reason;
    }
}
