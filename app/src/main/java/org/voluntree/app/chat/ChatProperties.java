package org.voluntree.app.chat;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code voluntree.chat}: how long chat messages are kept, and how often the scheduler deletes older ones. */
@Validated
@ConfigurationProperties("voluntree.chat")
public record ChatProperties(
        @NotNull Duration retention, @NotNull Duration purgeEvery) {}
