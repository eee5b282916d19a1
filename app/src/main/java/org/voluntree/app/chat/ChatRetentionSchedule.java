package org.voluntree.app.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** The scheduler role deletes expired chat messages every {@code voluntree.chat.purge-every}. */
@Component
@ConditionalOnRole(Role.SCHEDULER)
class ChatRetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(ChatRetentionSchedule.class);

    private final ChatRetention retention;
    private final ChatProperties properties;

    ChatRetentionSchedule(ChatRetention retention, ChatProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${voluntree.chat.purge-every}", initialDelayString = "${voluntree.chat.purge-every}")
    void purge() {
        try {
            long deleted = retention.purgeOlderThan(properties.retention());
            if (deleted > 0) {
                log.info("Deleted {} chat messages older than {}", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete expired chat messages: {}", e.toString());
        }
    }
}
