package org.voluntree.app.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voluntree.app.outbox.JobOutbox;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.signup.PlaceChanged;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Queues the Messenger notices of an admin's change to people's places, a slot moved to other times or
 * removed (everyone confirmed in it) or a place given up (that volunteer), the reminders of places
 * coming up ({@link PlaceReminders}), and what an admin writes to everyone with a place to come in a
 * signup ({@link AnnouncementController}). Each is a {@code q:reply} job on the person's latest Messenger
 * message to the organisation's pages, with a notice naming the change, made in the transaction of that
 * change (the publisher's, which must be there; {@link JobOutbox} keeps the jobs with it and pushes them
 * once it commits), so a committed change is never without its notices. The reply workers send each once
 * ({@code replies}, under {@code <message>#<notice>}) and retry it like any reply; {@link Conversations}
 * words it and checks, when it is sent, that it is still true. Someone
 * who never wrote to a page in Messenger (a commenter only) cannot be messaged and gets none; the
 * dashboard shows the admins who is in each slot.
 */
@Component
class PlaceNotices {

    /** {@code slot_moved|<slot>|<start epoch s>|<end epoch s>}: the notice of one move of the slot. */
    static final String MOVED = "slot_moved";
    /** {@code slot_removed|<slot>|<signup>|<start epoch s>|<end epoch s>}: the slot, with their place, is gone. */
    static final String REMOVED = "slot_removed";
    /** {@code slot_reminder|<slot>|<start epoch s>|<end epoch s>}: the place is coming up ({@link PlaceReminders}). */
    static final String REMINDER = "slot_reminder";
    /** {@code place_taken_back|<slot>|<epoch s>}: the notice of one removal of the person's place. */
    static final String TAKEN_BACK = "place_taken_back";

    /**
     * The latest Messenger message of each person (the ids merged together) among the rows asked for, under
     * an id that has not opted out (the reply handler checks again when it sends).
     */
    private static final String LATEST_MESSAGE = """
            select distinct on (coalesce(d.merged_into, d.id))
                   m.id, m.external_id, m.kind, p.facebook_page_id, m.author_id, m.created_at, m.received_at
              from volunteers d
              join volunteers i on i.organisation_id = d.organisation_id
                               and coalesce(i.merged_into, i.id) = coalesce(d.merged_into, d.id)
              join messages m on m.organisation_id = i.organisation_id and m.author_id = i.facebook_user_id
                             and m.kind in ('MESSAGE', 'POSTBACK')
                             and not exists (select 1 from opt_outs o
                                              where o.organisation_id = m.organisation_id
                                                and o.facebook_user_id = m.author_id)
              join pages p on p.id = m.page_id
             where d.organisation_id = ? and d.id in (%s)
             order by coalesce(d.merged_into, d.id), m.created_at desc, m.id desc
            """;

    /**
     * {@code signup_announcement|<announcement>}: what an admin wrote to everyone with a place to come in a
     * signup ({@link Announcements}); the text is read from its row when the job is answered.
     */
    static final String ANNOUNCEMENT = "signup_announcement";

    /**
     * The rows of the people confirmed in a slot of the signup that is still to come, its one parameter the
     * signup: whom an announcement is for ({@link Announcements} counts them).
     */
    static final String IN_SIGNUP_TO_COME = """
            select a.volunteer_id from slot_assignments a join signup_slots s on s.id = a.slot_id
             where s.signup_id = ? and s.starts_at > now()
            """;
    /** The rows of the people confirmed in a slot. */
    private static final String IN_SLOT = "select volunteer_id from slot_assignments where slot_id = ?";
    /** One volunteer row. */
    private static final String ONE = "?";
    /** Volunteer rows, as an array. */
    private static final String ANY = "select unnest(?::bigint[])";

    /** A notice read back from a job; {@code signupId} only for a removed slot, times not for a place taken back. */
    record Notice(String kind, long slotId, Long signupId, Instant startsAt, Instant endsAt) {}

    private final JdbcTemplate jdbc;
    private final JobOutbox outbox;

    PlaceNotices(JdbcTemplate jdbc, JobOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @EventListener
    void slotMoved(PlaceChanged.SlotMoved moved) {
        queue(
                moved.organisationId(),
                IN_SLOT,
                moved.slotId(),
                String.join(
                        "|",
                        MOVED,
                        Long.toString(moved.slotId()),
                        Long.toString(moved.startsAt().getEpochSecond()),
                        Long.toString(moved.endsAt().getEpochSecond())));
    }

    @EventListener
    void slotRemoved(PlaceChanged.SlotRemoved removed) {
        queue(
                removed.organisationId(),
                ANY,
                removed.volunteerIds().toArray(Long[]::new),
                String.join(
                        "|",
                        REMOVED,
                        Long.toString(removed.slotId()),
                        Long.toString(removed.signupId()),
                        Long.toString(removed.startsAt().getEpochSecond()),
                        Long.toString(removed.endsAt().getEpochSecond())));
    }

    @EventListener
    void placeTakenBack(PlaceChanged.PlaceTakenBack takenBack) {
        queue(
                takenBack.organisationId(),
                ONE,
                takenBack.volunteerId(),
                String.join(
                        "|",
                        TAKEN_BACK,
                        Long.toString(takenBack.slotId()),
                        Long.toString(Instant.now().getEpochSecond())));
    }

    /** Queues the reminder of one volunteer row's place in the slot, in the caller's transaction. */
    void remind(long organisationId, long volunteerId, long slotId, Instant startsAt, Instant endsAt) {
        queue(
                organisationId,
                ONE,
                volunteerId,
                String.join(
                        "|",
                        REMINDER,
                        Long.toString(slotId),
                        Long.toString(startsAt.getEpochSecond()),
                        Long.toString(endsAt.getEpochSecond())));
    }

    /**
     * Queues an admin's announcement to everyone holding a place to come in the signup, one job a person
     * (under whichever of their merged ids last wrote in Messenger), in the caller's transaction (the one
     * that stores the announcement); returns how many.
     */
    int announce(long organisationId, long signupId, long announcementId) {
        return queue(organisationId, IN_SIGNUP_TO_COME, signupId, ANNOUNCEMENT + "|" + announcementId);
    }

    /** The announcement a job's notice names, if it names one. */
    static Optional<Long> announcementOf(String notice) {
        if (notice == null || !notice.startsWith(ANNOUNCEMENT + "|")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(notice.substring(ANNOUNCEMENT.length() + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a job's notice is one of these. */
    static boolean concerns(String notice) {
        return notice.startsWith(MOVED + "|")
                || notice.startsWith(REMINDER + "|")
                || notice.startsWith(REMOVED + "|")
                || notice.startsWith(TAKEN_BACK + "|");
    }

    static Optional<Notice> parse(String notice) {
        String[] parts = notice.split("\\|");
        try {
            if (parts.length == 4 && (parts[0].equals(MOVED) || parts[0].equals(REMINDER))) {
                return Optional.of(new Notice(
                        parts[0],
                        Long.parseLong(parts[1]),
                        null,
                        Instant.ofEpochSecond(Long.parseLong(parts[2])),
                        Instant.ofEpochSecond(Long.parseLong(parts[3]))));
            }
            if (parts.length == 5 && parts[0].equals(REMOVED)) {
                return Optional.of(new Notice(
                        REMOVED,
                        Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]),
                        Instant.ofEpochSecond(Long.parseLong(parts[3])),
                        Instant.ofEpochSecond(Long.parseLong(parts[4]))));
            }
            if (parts.length == 3 && parts[0].equals(TAKEN_BACK)) {
                return Optional.of(new Notice(TAKEN_BACK, Long.parseLong(parts[1]), null, null, null));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Queues one job a person among {@code rows} ({@link #IN_SLOT}, {@link #ONE} or {@link #ANY}, whose one
     * parameter is {@code id}) in the caller's transaction, which must be there: kept in {@code job_outbox}
     * with the change it tells of and pushed to {@code q:reply} once that commits ({@link JobOutbox}).
     * Returns how many.
     */
    private int queue(long organisationId, String rows, Object id, String notice) {
        List<byte[]> jobs = jdbc.query(
                LATEST_MESSAGE.formatted(rows),
                (rs, n) -> {
                    String externalId = rs.getString(2);
                    // the job names the message it hangs on, not what it said
                    InboundEvent event = new InboundEvent(
                            externalId,
                            EventKind.valueOf(rs.getString(3)),
                            rs.getString(4),
                            externalId,
                            null,
                            null,
                            "add",
                            rs.getString(5),
                            null,
                            null,
                            null,
                            rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7).toInstant());
                    return Json.write(new MessageToAnswer(organisationId, rs.getLong(1), event, Map.of(), notice));
                },
                organisationId,
                id);
        if (!jobs.isEmpty()) {
            outbox.keep(RedisNames.REPLY_QUEUE, jobs);
        }
        return jobs.size();
    }
}
