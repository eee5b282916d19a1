/**
 * The Graph API client: every call to Facebook goes through {@link org.voluntree.app.facebook.GraphApi}
 * (RestFB with {@code appsecret_proof}, endpoint base configurable so the same code talks to Facebook
 * and to the local sandbox), which reads the usage headers and backs off before the limits, retries
 * transient errors with jitter, and turns Facebook's error codes into typed exceptions.
 */
package org.voluntree.app.facebook;
