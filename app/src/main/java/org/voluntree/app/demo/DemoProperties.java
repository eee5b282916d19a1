package org.voluntree.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code voluntree.demo.*}: the organisation, page and admin seeded on the embedded defaults. */
@ConfigurationProperties("voluntree.demo")
public record DemoProperties(
        boolean enabled, String organisation, String pageId, String pageName, String adminEmail, String adminPassword) {

    @Override
    public String toString() {
        return "DemoProperties[enabled=" + enabled + ", organisation=" + organisation + ", pageId=" + pageId
                + ", adminEmail=" + adminEmail + ", adminPassword=<hidden>]";
    }
}
