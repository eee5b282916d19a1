package org.voluntree.app.roles;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.stream.StreamConsumerSettings;

/**
 * {@code voluntree.gear.*}: the engine and the gear's batching.
 *
 * @param engine {@code tensorflow} (embedded), {@code redisai}, or {@code auto} (RedisAI when the Redis server has
 *     the module); without the module the gear warns once and runs on the embedded engine
 * @param redisaiTimeout how long a RedisAI model run may wait in RedisAI's queue ({@code AI.MODELEXECUTE ... TIMEOUT})
 */
@Validated
@ConfigurationProperties("voluntree.gear")
public record GearProperties(
        @NotBlank @Pattern(regexp = "(?i)tensorflow|redisai|auto", message = "must be tensorflow, redisai or auto")
        String engine,

        @NotNull Duration redisaiTimeout,
        @Min(1) int batchSize,
        @NotNull Duration maxWait,
        @NotNull Duration claimMinIdle,
        @NotNull Duration claimEvery,
        @Min(1) int maxDeliveries,
        @Min(1000) long classifiedMaxLength) {

    public StreamConsumerSettings settings(String consumer) {
        return new StreamConsumerSettings(
                RedisNames.COMMENTS_STREAM,
                RedisNames.GEAR_GROUP,
                consumer,
                batchSize,
                maxWait,
                claimMinIdle,
                claimEvery,
                maxDeliveries);
    }
}
