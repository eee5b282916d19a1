package org.voluntree.app.deletion;

/** A data deletion callback whose {@code signed_request} cannot be trusted; nothing is deleted. */
public class InvalidSignedRequestException extends RuntimeException {

    private InvalidSignedRequestException(String message) {
        super(message);
    }

    static InvalidSignedRequestException because(String reason) {
        return new InvalidSignedRequestException(reason);
    }
}
