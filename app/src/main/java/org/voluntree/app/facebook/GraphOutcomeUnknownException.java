package org.voluntree.app.facebook;

/**
 * A call that changes something on Facebook (a reply, a message, a post) was sent but no answer came
 * back (the read timed out, the connection broke): Facebook may have carried it out. It is not repeated
 * on the spot, which could do it twice; whoever retries it first asks Facebook whether it was done.
 */
public class GraphOutcomeUnknownException extends GraphUnavailableException {

    GraphOutcomeUnknownException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
