package org.voluntree.app.sandbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voluntree.facebook.sandbox.*}.
 *
 * @param enabled serve the sandbox at all; production never sets it
 * @param appId the Facebook app id the sandbox pretends to be ({@code client_id} of the code exchange)
 * @param appName the app's name, as {@code debug_token} and {@code subscribed_apps} report it
 * @param webhookUrl where the simulator delivers; blank means this app's own {@code /webhooks/facebook}
 * @param usageWindow the sliding window over which {@code X-App-Usage} / {@code X-Page-Usage} count calls
 * @param callsPerWindow calls within the window that make {@code call_count} 100 (per app, and per page)
 * @param requireAppsecretProof refuse token calls without {@code appsecret_proof}, like an app with "Require App Secret" on
 * @param requestLogSize how many recorded requests are kept (oldest dropped first)
 */
@ConditionalOnBooleanProperty("voluntree.facebook.sandbox.enabled")
@Validated
@ConfigurationProperties("voluntree.facebook.sandbox")
public record SandboxProperties(
        boolean enabled,
        @NotBlank String appId,
        @NotBlank String appName,
        String webhookUrl,
        @NotNull Duration usageWindow,
        @Min(1) int callsPerWindow,
        boolean requireAppsecretProof,
        @Min(10) int requestLogSize) {}
