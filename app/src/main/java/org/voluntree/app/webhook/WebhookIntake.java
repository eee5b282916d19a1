package org.voluntree.app.webhook;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Queues accepted events (from the webhook, and from the reconciliation that reads what the
 * webhook may have missed), each at most once: in one script, an event whose id was not seen
 * within the de-duplication window is marked seen and pushed to {@code q:preprocess}; a retried
 * one is dropped. Marking and pushing happen together, so a crash cannot mark an event seen
 * without queueing it.
 */
@ConditionalOnRole({Role.WEB, Role.SCHEDULER})
@Component
public class WebhookIntake {

    /** KEYS[1]: queue; KEYS[2..]: seen markers. ARGV[1]: ttl seconds; ARGV[2..]: jobs. Returns the number queued. */
    private static final String ENQUEUE_NEW = """
            local queued = 0
            for i = 2, #KEYS do
              if redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1]) then
                redis.call('LPUSH', KEYS[1], ARGV[i])
                queued = queued + 1
              end
            end
            return queued
            """;

    private final StatefulRedisConnection<String, byte[]> redis;
    private final byte[] ttlSeconds;

    public WebhookIntake(
            StatefulRedisConnection<String, byte[]> redis, @Value("${voluntree.webhook.dedup-ttl}") Duration dedupTtl) {
        this.redis = redis;
        this.ttlSeconds = Long.toString(dedupTtl.toSeconds()).getBytes(StandardCharsets.UTF_8);
    }

    /** Queues the events not seen before and returns how many that was. */
    public int enqueue(List<InboundEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        String[] keys = new String[events.size() + 1];
        byte[][] args = new byte[events.size() + 1][];
        keys[0] = RedisNames.PREPROCESS_QUEUE;
        args[0] = ttlSeconds;
        for (int i = 0; i < events.size(); i++) {
            keys[i + 1] = RedisNames.seenEvent(events.get(i).key());
            args[i + 1] = Json.write(events.get(i));
        }
        Long queued = redis.sync().eval(ENQUEUE_NEW, ScriptOutputType.INTEGER, keys, args);
        return queued.intValue();
    }
}
