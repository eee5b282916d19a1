package org.voluntree.app.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * {@code voluntree.webhook.*}.
 *
 * @param appSecret the Facebook app secret that signs every delivery ({@code VOLUNTREE_WEBHOOK_APP_SECRET})
 * @param verifyToken the token Facebook echoes in the subscription handshake
 * @param maxBodySize larger deliveries are refused with 413
 * @param dedupTtl how long an accepted event's id is remembered; Facebook retries for up to 36 hours
 */
@ConditionalOnRole(Role.WEB)
@Validated
@ConfigurationProperties("voluntree.webhook")
public record WebhookProperties(
        @NotBlank(message = "set VOLUNTREE_WEBHOOK_APP_SECRET to the Facebook app secret")
        String appSecret,

        @NotBlank(message = "set VOLUNTREE_WEBHOOK_VERIFY_TOKEN to the token entered in the app's webhook settings")
        String verifyToken,

        @NotNull DataSize maxBodySize,
        @NotNull Duration dedupTtl) {

    @Override
    public String toString() {
        return "WebhookProperties[appSecret=<hidden>, verifyToken=<hidden>, maxBodySize=" + maxBodySize + ", dedupTtl="
                + dedupTtl + "]";
    }
}
