package org.voluntree.app.roles;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.voluntree.workers.queue.QueueSettings;

/**
 * {@code voluntree.queue.*}: how the list queues are drained. {@code preprocessBatch} is how many
 * waiting events a {@code q:preprocess} consumer takes in one turn (the other queues take one).
 */
@Validated
@ConfigurationProperties("voluntree.queue")
public record QueueProperties(
        @Min(1) int consumers,
        @Min(1) int maxAttempts,
        @NotNull Duration pollTimeout,
        @NotNull Duration heartbeatEvery,
        @NotNull Duration staleAfter,
        @NotNull Duration retryBackoff,
        @NotNull Duration maxRetryBackoff,
        @Min(1000) long commentsMaxLength,
        @Min(1) int preprocessBatch) {

    public QueueSettings settings() {
        return new QueueSettings(
                consumers, maxAttempts, pollTimeout, heartbeatEvery, staleAfter, retryBackoff, maxRetryBackoff, 1);
    }
}
