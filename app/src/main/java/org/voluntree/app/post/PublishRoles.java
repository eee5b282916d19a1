package org.voluntree.app.post;

import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.app.conversation.ConversationProperties;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.outbox.JobOutbox;
import org.voluntree.app.page.PageAlerts;
import org.voluntree.app.page.PageProperties;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.QueueProperties;
import org.voluntree.app.roles.QueueWorkerLifecycle;
import org.voluntree.app.roles.Role;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.contracts.redis.RedisNames;

/** Publishing: {@code q:publish} consumers in the workers role, the due-post sweep in the scheduler role. */
@Configuration(proxyBeanMethods = false)
class PublishRoles {

    private static final Logger log = LoggerFactory.getLogger(PublishRoles.class);

    @Bean
    @ConditionalOnRole(Role.WORKERS)
    QueueWorkerLifecycle publishWorkers(
            RedisClient client,
            QueueProperties queues,
            PostStore posts,
            SignupStore signups,
            PageTokens pages,
            PageAlerts alerts,
            GraphApi graph,
            ConversationProperties conversation,
            PageProperties pageProperties) {
        return new QueueWorkerLifecycle(
                client,
                RedisNames.PUBLISH_QUEUE,
                new PostPublisher(
                        posts,
                        signups,
                        pages,
                        alerts,
                        graph,
                        conversation.zone(),
                        pageProperties.reconnectCheckEvery()),
                queues.settings());
    }

    @Bean
    @ConditionalOnRole(Role.SCHEDULER)
    DuePosts duePosts(PostStore posts, JobOutbox outbox, TransactionTemplate transaction) {
        return new DuePosts(posts, outbox, transaction);
    }

    /** The {@code q:publish} job that publishes a post. */
    static byte[] job(long postId) {
        return Long.toString(postId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Moves scheduled posts whose time has come to {@code q:publish}, their state and their jobs in one
     * transaction ({@link JobOutbox}).
     */
    static final class DuePosts {

        private final PostStore posts;
        private final JobOutbox outbox;
        private final TransactionTemplate transaction;
        private final Clock clock = Clock.systemUTC();

        DuePosts(PostStore posts, JobOutbox outbox, TransactionTemplate transaction) {
            this.posts = posts;
            this.outbox = outbox;
            this.transaction = transaction;
        }

        @Scheduled(fixedDelayString = "${voluntree.posts.due-check-every:15s}")
        void enqueueDue() {
            List<Long> due = transaction.execute(status -> {
                List<Long> claimed = posts.claimDue(clock.instant());
                outbox.keep(
                        RedisNames.PUBLISH_QUEUE,
                        claimed.stream().map(PublishRoles::job).toList());
                return claimed;
            });
            for (long id : due) {
                log.info("Post {} is due: queued for publishing", id);
            }
        }
    }
}
