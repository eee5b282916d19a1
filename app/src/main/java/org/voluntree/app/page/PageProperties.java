package org.voluntree.app.page;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voluntree.pages.*}.
 *
 * @param tokenKey 32 random bytes in base64 that encrypt page tokens at rest
 *     ({@code VOLUNTREE_PAGES_TOKEN_KEY}); required by the roles that call Facebook
 * @param reconnectCheckEvery how often work parked for a page whose token Facebook refused looks again
 *     whether an admin has reconnected the page (a new token), without counting an attempt
 */
@Validated
@ConfigurationProperties("voluntree.pages")
public record PageProperties(String tokenKey, @NotNull Duration reconnectCheckEvery) {

    @Override
    public String toString() {
        return "PageProperties[tokenKey=<hidden>, reconnectCheckEvery=" + reconnectCheckEvery + "]";
    }
}
