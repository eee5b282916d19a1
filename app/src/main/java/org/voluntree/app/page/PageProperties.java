package org.voluntree.app.page;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voluntree.pages.*}.
 *
 * @param tokenKey 32 random bytes in base64 that encrypt page tokens at rest
 *     ({@code VOLUNTREE_PAGES_TOKEN_KEY}); required by the roles that call Facebook
 */
@ConfigurationProperties("voluntree.pages")
public record PageProperties(String tokenKey) {

    @Override
    public String toString() {
        return "PageProperties[tokenKey=<hidden>]";
    }
}
