package org.voluntree.app.reply;

import io.lettuce.core.RedisClient;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.QueueProperties;
import org.voluntree.app.roles.QueueWorkerLifecycle;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;

/** The workers role's {@code q:reply} consumers. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKERS)
class ReplyWorkersRole {

    @Bean
    QueueWorkerLifecycle replyWorkers(
            RedisClient client, QueueProperties properties, List<MessageHandler> handlers, ReplyRecords records) {
        return new QueueWorkerLifecycle(
                client, RedisNames.REPLY_QUEUE, new ReplyRouter(handlers, records), properties.settings());
    }
}
