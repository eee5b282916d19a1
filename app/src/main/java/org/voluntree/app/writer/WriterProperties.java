package org.voluntree.app.writer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.stream.StreamConsumerSettings;

/**
 * {@code voluntree.writer.*}.
 *
 * @param volunteerThreshold lowest {@code volunteer} intent score that records a volunteer and an interest
 */
@Validated
@ConfigurationProperties("voluntree.writer")
public record WriterProperties(
        @Min(1) int batchSize,
        @NotNull Duration maxWait,
        @NotNull Duration claimMinIdle,
        @NotNull Duration claimEvery,
        @Min(1) int maxDeliveries,
        @DecimalMin("0.0") @DecimalMax("1.0") double volunteerThreshold) {

    public StreamConsumerSettings settings(String consumer) {
        return new StreamConsumerSettings(
                RedisNames.CLASSIFIED_STREAM,
                RedisNames.WRITER_GROUP,
                consumer,
                batchSize,
                maxWait,
                claimMinIdle,
                claimEvery,
                maxDeliveries);
    }
}
