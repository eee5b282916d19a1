package org.voluntree.app.mail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.QueueProperties;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.QueueWorker;

/** The workers role's {@code q:email} consumers. */
@Component
@ConditionalOnRole(Role.WORKERS)
class EmailWorkersRole implements SmartLifecycle {

    private final RedisClient client;
    private final QueueProperties properties;
    private final EmailSender sender;
    private QueueWorker worker;

    EmailWorkersRole(RedisClient client, QueueProperties properties, JavaMailSender mail,
            StatefulRedisConnection<String, byte[]> redis, @Value("${voluntree.mail.from}") String from) {
        this.client = client;
        this.properties = properties;
        this.sender = new EmailSender(mail, redis, from);
    }

    @Override
    public synchronized void start() {
        worker = new QueueWorker(client, RedisNames.EMAIL_QUEUE, sender, properties.settings());
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
