package org.voluntree.app.sandbox;

import org.springframework.http.HttpStatus;

/** A control or simulator request the sandbox refuses, with the status and reason to answer. */
final class SandboxControlException extends RuntimeException {

    private final HttpStatus status;

    private SandboxControlException(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static SandboxControlException unknownPage(String pageId) {
        return new SandboxControlException(HttpStatus.NOT_FOUND, "no sandbox page with id " + pageId);
    }

    static SandboxControlException unknownObject(String what, String id) {
        return new SandboxControlException(HttpStatus.NOT_FOUND, "no " + what + " with id " + id);
    }

    static SandboxControlException pageExists(String pageId) {
        return new SandboxControlException(
                HttpStatus.CONFLICT,
                "page " + pageId + " exists; issue it a new token " + "with POST /sandbox/control/tokens/" + pageId);
    }

    static SandboxControlException invalid(String reason) {
        return new SandboxControlException(HttpStatus.BAD_REQUEST, reason);
    }
}
