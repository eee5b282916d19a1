package org.voluntree.app.roles;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.ReliableQueue;

/**
 * The scheduler role's periodic jobs. It reaps every queue, so in-flight items of dead workers
 * come back even when no worker of that queue is running.
 */
@Component
@ConditionalOnRole(Role.SCHEDULER)
class SchedulerRole {

    private static final Logger log = LoggerFactory.getLogger(SchedulerRole.class);
    private static final List<String> QUEUES = List.of(
            RedisNames.PREPROCESS_QUEUE, RedisNames.PUBLISH_QUEUE, RedisNames.REPLY_QUEUE, RedisNames.EMAIL_QUEUE);

    private static final int SWEEP_EVERY = 150;

    private final List<ReliableQueue> queues;
    private long rounds;

    SchedulerRole(StatefulRedisConnection<String, byte[]> shared, QueueProperties properties) {
        this.queues = QUEUES.stream()
                .map(name -> new ReliableQueue(name, properties.settings(), shared.sync(), Clock.systemUTC()))
                .toList();
    }

    @Scheduled(fixedDelayString = "${voluntree.queue.heartbeat-every}")
    void reapQueues() {
        // every SWEEP_EVERY-th round also scans the keyspace for processing lists that no heartbeat names
        boolean sweep = rounds++ % SWEEP_EVERY == 0;
        for (ReliableQueue queue : queues) {
            try {
                queue.promoteDue();
                long requeued = sweep ? queue.sweep() : queue.reap();
                if (requeued > 0) {
                    log.warn("Re-queued {} in-flight items of stopped consumers on {}", requeued, queue.name());
                }
            } catch (RuntimeException e) {
                log.warn("Could not reap {}: {}", queue.name(), e.toString());
            }
        }
    }
}
