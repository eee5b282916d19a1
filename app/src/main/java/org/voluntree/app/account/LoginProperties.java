package org.voluntree.app.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voluntree.login}: failed logins allowed per e-mail and client address within the
 * window before further attempts get 429, and how long a new API token lives.
 */
@Validated
@ConfigurationProperties("voluntree.login")
public record LoginProperties(
        @Min(1) int maxFailures,
        @NotNull Duration failureWindow,
        @NotNull Duration tokenLifetime) {}
