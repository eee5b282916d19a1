package org.voluntree.app.models;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Training jobs: queued on {@code q:train}, their state and progress in a Redis hash that any web
 * node can read ({@code queued}, {@code running}, {@code succeeded} with the new registry version
 * and its metrics, {@code failed} with the reason, or {@code interrupted} when the worker running it
 * stopped answering).
 *
 * <p>One job per analyzer at a time: {@code train:pending:<analyzer>} names the job in flight. It is
 * set with the job, atomically, and kept alive by the worker's {@link #heartbeat}; when the job ends
 * the worker deletes it, and when the worker dies it expires, so a crash never blocks training.
 */
@Component
public class TrainingJobs {

    static final Duration KEEP = Duration.ofDays(7);
    static final int RECENT = 10;

    /**
     * How long the job in flight holds its analyzer while queued (a worker may be busy with another
     * analyzer's job) and while running (renewed by every {@link Leases#heartbeatEvery}).
     */
    record Leases(Duration whileQueued, Duration whileRunning, Duration heartbeatEvery) {
        static final Leases DEFAULT =
                new Leases(Duration.ofMinutes(30), Duration.ofSeconds(45), Duration.ofSeconds(10));
    }

    /** KEYS: pending, job hash, recent list, queue. ARGV: id, keep (s), lease (ms), recent max, fields… */
    private static final String SUBMIT = """
            local holder = redis.call('GET', KEYS[1])
            if holder then return holder end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            redis.call('HSET', KEYS[2], unpack(ARGV, 5))
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            redis.call('LPUSH', KEYS[3], ARGV[1])
            redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[4]) - 1)
            redis.call('EXPIRE', KEYS[3], ARGV[2])
            redis.call('LPUSH', KEYS[4], ARGV[1])
            return false
            """;

    /** KEYS: pending. ARGV: id, lease (ms). Holds (or keeps holding) the analyzer unless another job does. */
    private static final String HOLD = """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    /** KEYS: pending. ARGV: id. */
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final StatefulRedisConnection<String, byte[]> redis;
    private final Leases leases;
    private final Clock clock;

    @Autowired
    TrainingJobs(StatefulRedisConnection<String, byte[]> redis) {
        this(redis, Leases.DEFAULT, Clock.systemUTC());
    }

    TrainingJobs(StatefulRedisConnection<String, byte[]> redis, Leases leases, Clock clock) {
        this.redis = redis;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * Queues a job and returns its id.
     *
     * @throws TrainingJobPendingException when the analyzer already has a job queued or running
     *     (nothing is queued then)
     */
    public String submit(String analyzer, String requestedBy, long organisationId) {
        String id = UUID.randomUUID().toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("analyzer", analyzer);
        fields.put("status", "queued");
        fields.put("requestedBy", requestedBy);
        fields.put("organisationId", Long.toString(organisationId));
        fields.put("queuedAt", clock.instant().toString());
        List<byte[]> arguments = new ArrayList<>(List.of(
                utf8(id),
                utf8(Long.toString(KEEP.toSeconds())),
                utf8(Long.toString(leases.whileQueued().toMillis())),
                utf8(Integer.toString(RECENT))));
        fields.forEach((k, v) -> {
            arguments.add(utf8(k));
            arguments.add(utf8(v));
        });
        byte[] holder = redis.sync()
                .eval(
                        SUBMIT,
                        ScriptOutputType.VALUE,
                        new String[] {
                            RedisNames.pendingTrainingJob(analyzer),
                            RedisNames.trainingJob(id),
                            RedisNames.recentTrainingJobs(analyzer),
                            RedisNames.TRAIN_QUEUE
                        },
                        arguments.toArray(byte[][]::new));
        if (holder != null) {
            String pending = new String(holder, StandardCharsets.UTF_8);
            throw new TrainingJobPendingException(
                    analyzer, pending, status(pending).orElse(Map.of()));
        }
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

    /** A job's state; a running job whose worker has not been heard from within the lease shows as {@code interrupted}. */
    public Optional<Map<String, String>> status(String id) {
        Map<String, byte[]> raw = redis.sync().hgetall(RedisNames.trainingJob(id));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> status = new LinkedHashMap<>();
        raw.forEach((k, v) -> status.put(k, new String(v, StandardCharsets.UTF_8)));
        if ("running".equals(status.get("status")) && silentTooLong(status.get("heartbeatAt"))) {
            status.put("status", "interrupted");
            status.put(
                    "error",
                    "the worker running it stopped answering (last heard from at " + status.get("heartbeatAt")
                            + "); its queue runs it once more if that worker does not come back, or train again");
        }
        return Optional.of(status);
    }

    private boolean silentTooLong(String heartbeatAt) {
        try {
            return heartbeatAt == null
                    || Instant.parse(heartbeatAt).plus(leases.whileRunning()).isBefore(clock.instant());
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /**
     * A worker took the job: it now holds its analyzer for {@link Leases#whileRunning} at a time
     * (unless another job was queued after this one's lease lapsed; this one runs anyway, it was
     * accepted).
     */
    void started(String id, String analyzer) {
        Instant now = clock.instant();
        hold(id, analyzer);
        update(
                id,
                Map.of(
                        "status",
                        "running",
                        "startedAt",
                        now.toString(),
                        "heartbeatAt",
                        now.toString(),
                        "progress",
                        "starting"));
    }

    /** The worker is alive and still on this job: renews its hold on the analyzer. */
    void heartbeat(String id, String analyzer) {
        hold(id, analyzer);
        update(id, Map.of("heartbeatAt", clock.instant().toString()));
    }

    /** The job ended (stored, failed or given up): another may be queued for its analyzer. */
    void finished(String id, String analyzer) {
        redis.sync()
                .eval(
                        RELEASE,
                        ScriptOutputType.INTEGER,
                        new String[] {RedisNames.pendingTrainingJob(analyzer)},
                        utf8(id));
    }

    Duration heartbeatEvery() {
        return leases.heartbeatEvery();
    }

    private void hold(String id, String analyzer) {
        redis.sync()
                .eval(
                        HOLD,
                        ScriptOutputType.INTEGER,
                        new String[] {RedisNames.pendingTrainingJob(analyzer)},
                        utf8(id),
                        utf8(Long.toString(leases.whileRunning().toMillis())));
    }

    void update(String id, Map<String, String> fields) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        fields.forEach((k, v) -> bytes.put(k, utf8(v)));
        String key = RedisNames.trainingJob(id);
        redis.sync().hset(key, bytes);
        redis.sync().expire(key, KEEP);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
