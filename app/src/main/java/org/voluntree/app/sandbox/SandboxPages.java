package org.voluntree.app.sandbox;

/**
 * What the rest of the app may know of the sandbox: the demo page and its page token (deterministic,
 * derived from the app secret, so the demo seeder can store it and it survives restarts), and the
 * sandbox app id. Exists only when the sandbox is enabled; inject it as an {@code ObjectProvider}.
 */
public final class SandboxPages {

    private final String appId;
    private final String demoPageId;
    private final String demoPageToken;

    SandboxPages(String appId, String demoPageId, String demoPageToken) {
        this.appId = appId;
        this.demoPageId = demoPageId;
        this.demoPageToken = demoPageToken;
    }

    /** The Facebook app id the sandbox answers for ({@code client_id} of the OAuth code exchange). */
    public String appId() {
        return appId;
    }

    /** {@code voluntree.demo.page-id}, created in the sandbox at start-up. */
    public String demoPageId() {
        return demoPageId;
    }

    /** The demo page's page access token, valid until revoked through the controls. */
    public String demoPageToken() {
        return demoPageToken;
    }

    /** The deterministic token the sandbox issues a demo page at start-up. */
    static String demoTokenFor(String appSecret, String pageId) {
        return AccessTokens.derived(appSecret, "demo-page:" + pageId);
    }
}
