package org.voluntree.app.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * The scheduler reminds volunteers of their places in Messenger, {@code voluntree.conversation.reminder-before}
 * before the slot starts (24 hours by default; zero for none). Only people who took the place before that
 * moment are reminded: someone who just signed up has the confirmation in front of them. Each place is
 * reminded once ({@code slot_assignments.reminded_at}, set in the transaction that queues the notice, so
 * two schedulers never both take it, and the notice is kept with it until Redis takes it: {@link
 * org.voluntree.app.outbox.JobOutbox}); the notice is checked again when it is sent ({@link Conversations}: still their place, at
 * those times, not opted out).
 */
@Component
@ConditionalOnRole(Role.SCHEDULER)
class PlaceReminders {

    private static final Logger log = LoggerFactory.getLogger(PlaceReminders.class);

    /** The places to remind now, marked as reminded: organisation, volunteer row, slot, start, end. */
    private static final String DUE = """
            update slot_assignments a set reminded_at = now()
              from signup_slots s join signups g on g.id = s.signup_id
             where s.id = a.slot_id and a.reminded_at is null
               and s.starts_at > now() and s.starts_at <= now() + make_interval(secs => ?)
               and a.confirmed_at < s.starts_at - make_interval(secs => ?)
            returning g.organisation_id, a.volunteer_id, s.id, s.starts_at, s.ends_at
            """;

    private record Due(long organisationId, long volunteerId, long slotId, Instant startsAt, Instant endsAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PlaceNotices notices;
    private final ConversationProperties properties;

    PlaceReminders(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            PlaceNotices notices,
            ConversationProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.notices = notices;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${voluntree.conversation.reminder-check-every}",
            initialDelayString = "${voluntree.conversation.reminder-check-every}")
    void remind() {
        Duration before = properties.reminderBefore();
        if (before.isZero() || before.isNegative()) {
            return;
        }
        try {
            Integer queued = transaction.execute(status -> {
                List<Due> due = jdbc.query(
                        DUE,
                        (rs, n) -> new Due(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getTimestamp(4).toInstant(),
                                rs.getTimestamp(5).toInstant()),
                        (double) before.toSeconds(),
                        (double) before.toSeconds());
                for (Due place : due) {
                    notices.remind(
                            place.organisationId(),
                            place.volunteerId(),
                            place.slotId(),
                            place.startsAt(),
                            place.endsAt());
                }
                return due.size();
            });
            if (queued != null && queued > 0) {
                log.info("Queued {} reminders of places starting within {}", queued, before);
            }
        } catch (RuntimeException e) {
            log.warn("Could not queue the reminders of places; the next round tries again: {}", e.toString());
        }
    }
}
