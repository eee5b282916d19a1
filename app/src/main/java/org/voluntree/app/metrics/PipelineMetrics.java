package org.voluntree.app.metrics;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Gauges read from Redis when scraped ({@code /actuator/metrics}): the length of every queue,
 * the length of every stream, the entries read but not yet acknowledged per consumer group, and
 * the size of {@code s:dead}. A growing {@code voluntree.stream.pending} or queue length says
 * which stage falls behind.
 */
@Component
class PipelineMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(PipelineMetrics.class);
    private static final List<String> QUEUES = List.of(RedisNames.PREPROCESS_QUEUE, RedisNames.PUBLISH_QUEUE,
            RedisNames.REPLY_QUEUE, RedisNames.EMAIL_QUEUE);

    private final StatefulRedisConnection<String, byte[]> redis;

    PipelineMetrics(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : QUEUES) {
            gauge(registry, "voluntree.queue.length", "queue", queue, () -> redis.sync().llen(queue));
            gauge(registry, "voluntree.queue.delayed", "queue", queue,
                    () -> redis.sync().zcard(RedisNames.delayed(queue)));
        }
        for (String stream : List.of(RedisNames.COMMENTS_STREAM, RedisNames.CLASSIFIED_STREAM, RedisNames.DEAD_STREAM)) {
            gauge(registry, "voluntree.stream.length", "stream", stream, () -> redis.sync().xlen(stream));
        }
        gauge(registry, "voluntree.stream.pending", "group", RedisNames.GEAR_GROUP,
                () -> pending(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP));
        gauge(registry, "voluntree.stream.pending", "group", RedisNames.WRITER_GROUP,
                () -> pending(RedisNames.CLASSIFIED_STREAM, RedisNames.WRITER_GROUP));
    }

    private long pending(String stream, String group) {
        try {
            return redis.sync().xpending(stream, group).getCount();
        } catch (RuntimeException noGroupYet) {
            return 0;
        }
    }

    private static void gauge(MeterRegistry registry, String name, String tag, String value, Supplier<Long> reading) {
        Gauge.builder(name, () -> {
            try {
                return reading.get();
            } catch (RuntimeException e) {
                log.debug("Could not read {} for {}: {}", name, value, e.toString());
                return Double.NaN;
            }
        }).tag(tag, value).register(registry);
    }
}
