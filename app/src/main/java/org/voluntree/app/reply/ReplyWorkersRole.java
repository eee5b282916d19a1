package org.voluntree.app.reply;

import io.lettuce.core.RedisClient;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.QueueProperties;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.QueueWorker;

/** The workers role's {@code q:reply} consumers. */
@Component
@ConditionalOnRole(Role.WORKERS)
class ReplyWorkersRole implements SmartLifecycle {

    private final RedisClient client;
    private final QueueProperties properties;
    private final List<MessageHandler> handlers;
    private QueueWorker worker;

    ReplyWorkersRole(RedisClient client, QueueProperties properties, List<MessageHandler> handlers) {
        this.client = client;
        this.properties = properties;
        this.handlers = handlers;
    }

    @Override
    public synchronized void start() {
        worker = new QueueWorker(client, RedisNames.REPLY_QUEUE, new ReplyRouter(handlers), properties.settings());
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return 10;
    }
}
