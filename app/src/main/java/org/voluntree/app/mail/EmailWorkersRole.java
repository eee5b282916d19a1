package org.voluntree.app.mail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.QueueProperties;
import org.voluntree.app.roles.QueueWorkerLifecycle;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;

/** The workers role's {@code q:email} consumers. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKERS)
class EmailWorkersRole {

    @Bean
    QueueWorkerLifecycle emailWorkers(
            RedisClient client,
            QueueProperties properties,
            JavaMailSender mail,
            StatefulRedisConnection<String, byte[]> redis,
            @Value("${voluntree.mail.from}") String from) {
        return new QueueWorkerLifecycle(
                client, RedisNames.EMAIL_QUEUE, new EmailSender(mail, redis, from), properties.settings());
    }
}
