package org.voluntree.app.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * The scheduler pushes the jobs kept in {@link JobOutbox} to their queues every
 * {@code voluntree.conversation.outbox-relay-every} (5 seconds; the setting kept the name it had when the
 * outbox held only Messenger notices).
 */
@Component
@ConditionalOnRole(Role.SCHEDULER)
class JobOutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(JobOutboxRelay.class);

    private final JobOutbox outbox;

    JobOutboxRelay(JobOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(
            fixedDelayString = "${voluntree.conversation.outbox-relay-every}",
            initialDelayString = "${voluntree.conversation.outbox-relay-every}")
    void relay() {
        try {
            int pushed;
            do {
                pushed = outbox.relay();
                if (pushed > 0) {
                    log.info("Queued {} jobs that had waited for Redis", pushed);
                }
            } while (pushed == JobOutbox.BATCH);
        } catch (RuntimeException e) {
            log.warn("Queue jobs are still waiting for Redis; the next round tries again: {}", e.toString());
        }
    }
}
