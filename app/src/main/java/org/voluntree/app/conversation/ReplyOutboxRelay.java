package org.voluntree.app.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * The scheduler pushes the jobs kept in {@link ReplyOutbox} to {@code q:reply} every
 * {@code voluntree.conversation.outbox-relay-every} (5 seconds).
 */
@Component
@ConditionalOnRole(Role.SCHEDULER)
class ReplyOutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(ReplyOutboxRelay.class);

    private final ReplyOutbox outbox;

    ReplyOutboxRelay(ReplyOutbox outbox) {
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
                    log.info("Queued {} Messenger notices that had waited for Redis", pushed);
                }
            } while (pushed == ReplyOutbox.BATCH);
        } catch (RuntimeException e) {
            log.warn("Messenger notices are still waiting for Redis; the next round tries again: {}", e.toString());
        }
    }
}
