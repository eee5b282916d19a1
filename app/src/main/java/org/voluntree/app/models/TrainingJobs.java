package org.voluntree.app.models;

import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Training jobs: queued on {@code q:train}, their state and progress in a Redis hash that any web
 * node can read ({@code queued}, {@code running}, {@code succeeded} with the new registry version
 * and its metrics, or {@code failed} with the reason).
 */
@Component
public class TrainingJobs {

    static final Duration KEEP = Duration.ofDays(7);
    static final int RECENT = 10;

    private final StatefulRedisConnection<String, byte[]> redis;

    TrainingJobs(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    /** Queues a job and returns its id. */
    public String submit(String analyzer, String requestedBy) {
        String id = UUID.randomUUID().toString();
        update(
                id,
                Map.of(
                        "id",
                        id,
                        "analyzer",
                        analyzer,
                        "status",
                        "queued",
                        "requestedBy",
                        requestedBy,
                        "queuedAt",
                        Instant.now().toString()));
        String recent = RedisNames.recentTrainingJobs(analyzer);
        redis.sync().lpush(recent, id.getBytes(StandardCharsets.UTF_8));
        redis.sync().ltrim(recent, 0, RECENT - 1);
        redis.sync().expire(recent, KEEP);
        redis.sync().lpush(RedisNames.TRAIN_QUEUE, id.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** The analyzer's latest jobs, newest first (at most {@value #RECENT}; jobs older than {@link #KEEP} are gone). */
    public List<Map<String, String>> recent(String analyzer) {
        List<Map<String, String>> jobs = new ArrayList<>();
        for (byte[] id : redis.sync().lrange(RedisNames.recentTrainingJobs(analyzer), 0, RECENT - 1)) {
            status(new String(id, StandardCharsets.UTF_8)).ifPresent(jobs::add);
        }
        return jobs;
    }

    public Optional<Map<String, String>> status(String id) {
        Map<String, byte[]> raw = redis.sync().hgetall(RedisNames.trainingJob(id));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> status = new LinkedHashMap<>();
        raw.forEach((k, v) -> status.put(k, new String(v, StandardCharsets.UTF_8)));
        return Optional.of(status);
    }

    void update(String id, Map<String, String> fields) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        fields.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        String key = RedisNames.trainingJob(id);
        redis.sync().hset(key, bytes);
        redis.sync().expire(key, KEEP);
    }
}
