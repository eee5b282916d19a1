/**
 * The Facebook sandbox: a local Graph API (page feed and photos, comments, private replies, the
 * Send API, subscribed_apps, debug_token, the OAuth code exchange) served under
 * {@code /sandbox/graph}, its request log and controls, and a webhook simulator that signs
 * deliveries like Facebook. Only {@link org.voluntree.app.sandbox.SandboxPages} is meant for the
 * rest of the app; everything here exists only when {@code voluntree.facebook.sandbox.enabled=true}.
 */
package org.voluntree.app.sandbox;
