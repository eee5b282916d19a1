package org.voluntree.app.webhook;

import org.springframework.http.HttpStatus;

/** A webhook delivery refused before anything was enqueued, with the status and reason to answer. */
public class WebhookRejectedException extends RuntimeException {

    private final HttpStatus status;

    private WebhookRejectedException(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static WebhookRejectedException unsigned() {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "X-Hub-Signature-256 header is missing");
    }

    public static WebhookRejectedException badSignature(String reason) {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, reason);
    }

    public static WebhookRejectedException malformed(String reason) {
        return new WebhookRejectedException(HttpStatus.BAD_REQUEST, reason);
    }

    public static WebhookRejectedException tooLarge(long limit) {
        return new WebhookRejectedException(
                HttpStatus.CONTENT_TOO_LARGE, "body is larger than the " + limit + " bytes allowed");
    }

    public static WebhookRejectedException wrongVerifyToken() {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, "hub.verify_token does not match");
    }
}
