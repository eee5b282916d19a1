package org.voluntree.app.api;

/** Credentials that do not identify anyone (wrong e-mail or password, unknown token). */
public class UnauthorizedException extends RuntimeException {

    private UnauthorizedException(String message) {
        super(message);
    }

    public static UnauthorizedException because(String reason) {
        return new UnauthorizedException(reason);
    }
}
