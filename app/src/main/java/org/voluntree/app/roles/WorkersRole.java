package org.voluntree.app.roles;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.preprocess.ActiveFeaturisers;
import org.voluntree.workers.preprocess.PreprocessHandler;

/** The workers role's list queues: {@code q:preprocess} for now. The writer runs beside it. */
@Component
@ConditionalOnRole(Role.WORKERS)
class WorkersRole implements SmartLifecycle {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> shared;
    private final QueueProperties properties;
    private ActiveFeaturisers featurisers;
    private QueueWorkerLifecycle preprocess;

    WorkersRole(RedisClient client, StatefulRedisConnection<String, byte[]> shared, QueueProperties properties) {
        this.client = client;
        this.shared = shared;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        featurisers = new ActiveFeaturisers(client);
        PreprocessHandler handler = new PreprocessHandler(featurisers, shared, properties.commentsMaxLength());
        preprocess = new QueueWorkerLifecycle(
                client,
                RedisNames.PREPROCESS_QUEUE,
                handler,
                properties.settings().withBatchSize(properties.preprocessBatch()));
        preprocess.start();
    }

    @Override
    public synchronized void stop() {
        if (preprocess != null) {
            preprocess.stop();
            featurisers.close();
            preprocess = null;
        }
    }

    @Override
    public boolean isRunning() {
        return preprocess != null;
    }

    @Override
    public int getPhase() {
        return QueueWorkerLifecycle.PHASE;
    }
}
