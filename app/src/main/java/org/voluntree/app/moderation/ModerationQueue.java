package org.voluntree.app.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the moderation queue: comments whose offense label is {@code offensive} or
 * {@code hate} at or above a threshold, and the actions recorded on them. A comment is handled
 * once an action on it succeeded; failed actions leave it queued.
 */
@Repository
class ModerationQueue {

    private static final String SELECT = """
            select m.id, m.external_id, p.facebook_page_id, m.post_id, m.author_id, m.author_name, m.text, m.created_at,
                   o.label, o.score, sentiment_shown(s.label, s.score) as sentiment,
                   a.action, a.outcome, a.reason, a.at
              from messages m
              join pages p on p.id = m.page_id
              join classifications o on o.message_id = m.id and o.analyzer = 'offense'
              left join classifications s on s.message_id = m.id and s.analyzer = 'sentiment' and not m.dialog_answer
              left join lateral (select action, outcome, reason, at from moderation_actions x
                                  where x.message_id = m.id order by x.at desc, x.id desc limit 1) a on true
            """;

    private static final String HANDLED = """
            exists (select 1 from moderation_actions x where x.message_id = m.id and x.outcome = 'done')
            """;

    private final JdbcTemplate jdbc;

    ModerationQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Comments waiting for an admin, newest first. */
    List<QueuedComment> pending(long organisationId, double threshold, int limit) {
        return jdbc.query(SELECT + """
                 where m.organisation_id = ? and m.kind = 'COMMENT' and m.removed_at is null
                   and o.label in ('offensive', 'hate') and o.score >= ?
                   and not\s""" + HANDLED + """
                 order by m.created_at desc, m.id desc limit ?
                """, ModerationQueue::row, organisationId, threshold, limit);
    }

    /** Comments an admin acted on, most recent action first. */
    List<QueuedComment> handled(long organisationId, int limit) {
        return jdbc.query(
                SELECT + " where m.organisation_id = ? and " + HANDLED + """
                 order by a.at desc, m.id desc limit ?
                """,
                ModerationQueue::row,
                organisationId,
                limit);
    }

    /** One of the organisation's comments, whether queued or not. */
    Optional<QueuedComment> find(long organisationId, long messageId) {
        return jdbc
                .query(
                        SELECT + " where m.organisation_id = ? and m.id = ? and m.kind = 'COMMENT'",
                        ModerationQueue::row,
                        organisationId,
                        messageId)
                .stream()
                .findFirst();
    }

    /** Whether the comment is gone from Facebook (deleted from here, or by its author or the page). */
    boolean removed(long messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select removed_at is not null from messages where id = ?", Boolean.class, messageId));
    }

    void record(
            long organisationId, long messageId, ModerationAction action, long adminId, String outcome, String reason) {
        jdbc.update("""
                insert into moderation_actions (organisation_id, message_id, action, admin_id, outcome, reason)
                values (?, ?, ?, ?, ?, ?)
                """, organisationId, messageId, action.value(), adminId, outcome, reason);
    }

    /** A deleted comment is gone from Facebook: mark the message removed, as the webhook's remove does. */
    void markRemoved(long messageId) {
        jdbc.update("update messages set removed_at = coalesce(removed_at, now()) where id = ?", messageId);
    }

    private static QueuedComment row(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp(15);
        return new QueuedComment(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                rs.getFloat(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                at == null ? null : at.toInstant());
    }
}
