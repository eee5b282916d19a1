package org.voluntree.app.sandbox;

/**
 * Who made a Graph call, from its access token.
 *
 * @param kind app, page or user token
 * @param pageId the page a page token speaks for, else null
 * @param userId the user a user token (or the page token it came from) belongs to, else null
 * @param fingerprint the token's short fingerprint, never the token
 */
record Caller(Kind kind, String pageId, String userId, String fingerprint) {

    enum Kind {
        APP,
        PAGE,
        USER
    }

    boolean isPage() {
        return kind == Kind.PAGE;
    }
}
