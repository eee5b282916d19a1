package org.voluntree.app.metrics;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;

/**
 * How far behind each stage of the pipeline is, read from Redis: queue lengths (waiting now and
 * delayed for a retry), stream lengths with the entries read but not yet acknowledged, and the
 * dead letters by where they came from. Counts only, never payloads or errors: the figures are
 * the installation's, shown to every admin.
 */
@Component
public class PipelineStatus {

    static final List<String> QUEUES = List.of(
            RedisNames.PREPROCESS_QUEUE, RedisNames.PUBLISH_QUEUE, RedisNames.REPLY_QUEUE, RedisNames.EMAIL_QUEUE);
    /** Dead letters grouped by source are counted over at most this many of the newest. */
    static final int DEAD_SAMPLE = 1_000;

    public record Queue(String name, long waiting, long delayed) {}

    public record Stream(String name, long length, String group, long pending) {}

    /** Dead letters from one source among the newest {@link #DEAD_SAMPLE}. */
    public record DeadSource(String source, long count) {}

    public record Snapshot(List<Queue> queues, List<Stream> streams, long deadLetters, List<DeadSource> deadBySource) {}

    private final StatefulRedisConnection<String, byte[]> redis;

    PipelineStatus(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    public Snapshot read() {
        List<Queue> queues = new ArrayList<>();
        for (String queue : QUEUES) {
            queues.add(new Queue(queue, queueLength(queue), delayed(queue)));
        }
        List<Stream> streams = List.of(
                new Stream(
                        RedisNames.COMMENTS_STREAM,
                        streamLength(RedisNames.COMMENTS_STREAM),
                        RedisNames.GEAR_GROUP,
                        pending(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP)),
                new Stream(
                        RedisNames.CLASSIFIED_STREAM,
                        streamLength(RedisNames.CLASSIFIED_STREAM),
                        RedisNames.WRITER_GROUP,
                        pending(RedisNames.CLASSIFIED_STREAM, RedisNames.WRITER_GROUP)));
        return new Snapshot(queues, streams, streamLength(RedisNames.DEAD_STREAM), deadBySource());
    }

    long queueLength(String queue) {
        return redis.sync().llen(queue);
    }

    long delayed(String queue) {
        return redis.sync().zcard(RedisNames.delayed(queue));
    }

    long streamLength(String stream) {
        return redis.sync().xlen(stream);
    }

    /** Entries the group read and has not acknowledged; 0 before the group exists. */
    long pending(String stream, String group) {
        try {
            return redis.sync().xpending(stream, group).getCount();
        } catch (RuntimeException noGroupYet) {
            return 0;
        }
    }

    private List<DeadSource> deadBySource() {
        Map<String, Long> counts = new TreeMap<>();
        for (StreamMessage<String, byte[]> letter :
                redis.sync().xrevrange(RedisNames.DEAD_STREAM, Range.create("-", "+"), Limit.from(DEAD_SAMPLE))) {
            byte[] source = letter.getBody().get("source");
            counts.merge(source == null ? "unknown" : new String(source, StandardCharsets.UTF_8), 1L, Long::sum);
        }
        return counts.entrySet().stream()
                .map(e -> new DeadSource(e.getKey(), e.getValue()))
                .toList();
    }
}
