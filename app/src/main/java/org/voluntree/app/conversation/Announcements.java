package org.voluntree.app.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What admins wrote in Messenger to the people holding places in a signup ({@code signup_announcements}):
 * the row is written in the transaction that queues the jobs that send it, and each job reads the text from it.
 */
@Repository
class Announcements {

    /** The longest text an admin may send: with the line naming the event, well inside Messenger's 2,000. */
    static final int MAX_LENGTH = 1_000;

    /**
     * One announcement: {@code holders}, the people with a place to come in the signup when it was sent;
     * {@code reached}, those of them it was queued for (the others never wrote to the page in Messenger or
     * opted out); both null until its jobs were queued. {@code sentBy} is null once that admin is gone.
     */
    record Announcement(
            long id,
            long organisationId,
            long signupId,
            String text,
            Integer holders,
            Integer reached,
            String sentBy,
            Instant createdAt) {}

    private static final String COLUMNS = """
            select n.id, n.organisation_id, n.signup_id, n.text, n.holders, n.reached, a.email, n.created_at
              from signup_announcements n left join admins a on a.id = n.admin_id
            """;

    private final JdbcTemplate jdbc;

    Announcements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(long organisationId, long signupId, long adminId, String text) {
        return jdbc.queryForObject("""
                insert into signup_announcements (organisation_id, signup_id, admin_id, text)
                values (?, ?, ?, ?) returning id
                """, Long.class, organisationId, signupId, adminId, text);
    }

    /**
     * Records for how many people it was queued, out of the people with a place to come in the signup now
     * (the rows {@link PlaceNotices#IN_SIGNUP_TO_COME} queues it for, one person however many ids).
     */
    void reached(long id, long signupId, int people) {
        jdbc.update("""
                update signup_announcements
                   set reached = ?,
                       holders = (select count(distinct coalesce(v.merged_into, v.id))
                                    from volunteers v where v.id in (%s))
                 where id = ?
                """.formatted(PlaceNotices.IN_SIGNUP_TO_COME), people, signupId, id);
    }

    Optional<Announcement> find(long id) {
        return jdbc.query(COLUMNS + " where n.id = ?", Announcements::announcement, id).stream()
                .findFirst();
    }

    /** The signup's announcements, latest first. */
    List<Announcement> ofSignup(long organisationId, long signupId) {
        return jdbc.query(
                COLUMNS + " where n.organisation_id = ? and n.signup_id = ? order by n.created_at desc, n.id desc",
                Announcements::announcement,
                organisationId,
                signupId);
    }

    private static Announcement announcement(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Announcement(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                (Integer) rs.getObject(5),
                (Integer) rs.getObject(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
