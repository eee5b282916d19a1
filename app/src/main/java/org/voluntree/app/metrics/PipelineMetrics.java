package org.voluntree.app.metrics;

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
    private final PipelineStatus status;

    PipelineMetrics(PipelineStatus status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : PipelineStatus.QUEUES) {
            gauge(registry, "voluntree.queue.length", "queue", queue, () -> status.queueLength(queue));
            gauge(registry, "voluntree.queue.delayed", "queue", queue, () -> status.delayed(queue));
        }
        for (String stream :
                List.of(RedisNames.COMMENTS_STREAM, RedisNames.CLASSIFIED_STREAM, RedisNames.DEAD_STREAM)) {
            gauge(registry, "voluntree.stream.length", "stream", stream, () -> status.streamLength(stream));
        }
        gauge(
                registry,
                "voluntree.stream.pending",
                "group",
                RedisNames.GEAR_GROUP,
                () -> status.pending(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP));
        gauge(
                registry,
                "voluntree.stream.pending",
                "group",
                RedisNames.WRITER_GROUP,
                () -> status.pending(RedisNames.CLASSIFIED_STREAM, RedisNames.WRITER_GROUP));
    }

    private static void gauge(MeterRegistry registry, String name, String tag, String value, Supplier<Long> reading) {
        Gauge.builder(name, () -> {
                    try {
                        return reading.get();
                    } catch (RuntimeException e) {
                        log.debug("Could not read {} for {}: {}", name, value, e.toString());
                        return Double.NaN;
                    }
                })
                .tag(tag, value)
                .register(registry);
    }
}
