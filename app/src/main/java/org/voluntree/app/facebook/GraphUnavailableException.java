package org.voluntree.app.facebook;

/** A transient failure (network, 5xx, Facebook's transient errors) that outlasted the immediate retries. */
public class GraphUnavailableException extends GraphException {

    GraphUnavailableException(String message, Integer code, Throwable cause) {
        super(message, code, cause);
    }
}
