package org.voluntree.app.models;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.QueueProperties;
import org.voluntree.app.roles.QueueWorkerLifecycle;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.QueueSettings;

/** One {@code q:train} consumer per workers process: training takes the CPU it gets. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKERS)
class TrainingRole {

    @Bean
    QueueWorkerLifecycle trainingWorker(
            RedisClient client,
            QueueProperties queues,
            TrainingJobs jobs,
            TrainingProperties training,
            StatefulRedisConnection<String, byte[]> redis) {
        QueueSettings shared = queues.settings();
        QueueSettings one = new QueueSettings(
                1,
                2,
                shared.pollTimeout(),
                shared.heartbeatEvery(),
                shared.staleAfter(),
                shared.retryBackoff(),
                shared.maxRetryBackoff(),
                1);
        return new QueueWorkerLifecycle(client, RedisNames.TRAIN_QUEUE, new TrainingWorker(jobs, training, redis), one);
    }
}
