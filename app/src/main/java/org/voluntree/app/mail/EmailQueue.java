package org.voluntree.app.mail;

import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/** Puts emails on {@code q:email}; the workers send them. */
@Component
public class EmailQueue {

    private final StatefulRedisConnection<String, byte[]> redis;

    EmailQueue(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    public void enqueue(EmailJob job) {
        redis.sync().lpush(RedisNames.EMAIL_QUEUE, Json.write(job));
    }
}
