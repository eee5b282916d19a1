package org.voluntree.app.writer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.app.deletion.Erasures;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.RedisClientConfiguration.ProcessName;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.stream.StreamGroupConsumer;

/** Runs the writer in the workers role. */
@Component
@ConditionalOnRole(Role.WORKERS)
class WriterRole implements SmartLifecycle {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> shared;
    private final MessageStore store;
    private final Erasures erasures;
    private final TransactionTemplate transaction;
    private final WriterProperties properties;
    private final ProcessName processName;
    private StreamGroupConsumer consumer;

    WriterRole(
            RedisClient client,
            StatefulRedisConnection<String, byte[]> shared,
            MessageStore store,
            Erasures erasures,
            TransactionTemplate transaction,
            WriterProperties properties,
            ProcessName processName) {
        this.client = client;
        this.shared = shared;
        this.store = store;
        this.erasures = erasures;
        this.transaction = transaction;
        this.properties = properties;
        this.processName = processName;
    }

    @Override
    public synchronized void start() {
        ClassifiedWriter writer =
                new ClassifiedWriter(store, erasures, transaction, shared, properties.volunteerThreshold());
        consumer = new StreamGroupConsumer(client, properties.settings("writer-" + processName.value()), writer);
        consumer.start();
    }

    @Override
    public synchronized void stop() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }

    /** Stops after the gear so that what the gear classified last is still written. */
    @Override
    public int getPhase() {
        return 5;
    }
}
