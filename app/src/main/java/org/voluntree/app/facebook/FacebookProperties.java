package org.voluntree.app.facebook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voluntree.facebook.*}.
 *
 * @param appId the Facebook app id ({@code VOLUNTREE_FACEBOOK_APP_ID}); required by the roles that call Facebook
 * @param appSecret the app secret: signs {@code appsecret_proof} (the same secret signs webhooks);
 *     required by the roles that call Facebook
 * @param graphUrl the Graph API base, {@code https://graph.facebook.com} or the sandbox
 * @param apiVersion the Graph API version, e.g. {@code v24.0}
 * @param usageThreshold percentage of an app or page usage limit at which calls pause
 * @param usagePause how long calls pause once the threshold is reached
 * @param transientRetries immediate retries, with jitter, of a transient error before giving the work back to its queue
 * @param tokenCheckEvery how often every page token is checked with {@code debug_token}
 * @param readTimeout how long a call waits for Facebook's answer; a call that creates something and gets
 *     none is not repeated on the spot (it may have been done)
 */
@Validated
@ConfigurationProperties("voluntree.facebook")
public record FacebookProperties(
        String appId,
        String appSecret,
        @NotBlank String graphUrl,
        @NotBlank String apiVersion,
        @Min(1) @Max(100) int usageThreshold,
        @NotNull Duration usagePause,
        @Min(0) @Max(5) int transientRetries,
        @NotNull Duration tokenCheckEvery,
        @NotNull Duration readTimeout) {

    @Override
    public String toString() {
        return "FacebookProperties[appId=" + appId + ", appSecret=<hidden>, graphUrl=" + graphUrl + ", apiVersion="
                + apiVersion + ", usageThreshold=" + usageThreshold + ", usagePause=" + usagePause + "]";
    }
}
