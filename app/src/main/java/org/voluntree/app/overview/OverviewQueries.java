package org.voluntree.app.overview;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voluntree.app.api.TimeRange;

/** The SQL behind the overview. Each figure is one indexed query on (organisation_id, created_at). */
@Repository
class OverviewQueries {

    /**
     * How many messages showed each sentiment (see the {@code sentiment_shown} SQL function: a label the
     * model is not confident of shows as neutral); unclassified: none yet, or an answer to the signup dialog.
     */
    record SentimentCounts(long positive, long negative, long neutral, long unclassified) {}

    /** An interest as the live feed shows it. */
    record RecentInterest(
            long interestId,
            long messageId,
            long volunteerId,
            String name,
            String text,
            String sentiment,
            float score,
            Instant createdAt) {}

    /** A volunteer confirmed in a slot (through the Messenger dialog), as the live feed shows it. */
    record RecentSignup(
            long signupId,
            String title,
            long slotId,
            String slotLabel,
            Instant startsAt,
            long volunteerId,
            String name,
            Instant confirmedAt) {}

    private final JdbcTemplate jdbc;

    OverviewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long messages(long organisationId, TimeRange range) {
        return count(
                "select count(*) from messages where organisation_id = ? and created_at >= ? and created_at < ?",
                organisationId,
                range);
    }

    long interests(long organisationId, TimeRange range) {
        return count(
                "select count(*) from interests where organisation_id = ? and created_at >= ? and created_at < ?",
                organisationId,
                range);
    }

    /** Volunteers first seen in the range, counting a merged person once. */
    long newVolunteers(long organisationId, TimeRange range) {
        return count("""
                select count(*) from volunteers
                 where organisation_id = ? and first_seen_at >= ? and first_seen_at < ? and merged_into is null
                """, organisationId, range);
    }

    SentimentCounts sentiment(long organisationId, TimeRange range) {
        return jdbc.queryForObject(
                """
                select count(*) filter (where sentiment_shown(c.label, c.score) = 'positive'),
                       count(*) filter (where sentiment_shown(c.label, c.score) = 'negative'),
                       count(*) filter (where sentiment_shown(c.label, c.score) = 'neutral'),
                       count(*) filter (where c.label is null)
                  from messages m
                  left join classifications c on c.message_id = m.id and c.analyzer = 'sentiment' and not m.dialog_answer
                 where m.organisation_id = ? and m.created_at >= ? and m.created_at < ?
                """,
                (rs, n) -> new SentimentCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                organisationId,
                Timestamp.from(range.from()),
                Timestamp.from(range.to()));
    }

    List<RecentInterest> recentInterests(long organisationId, int limit) {
        return jdbc.query(
                """
                select i.id, i.message_id, coalesce(v.merged_into, v.id), coalesce(v.name, m.author_name), m.text,
                       sentiment_shown(c.label, c.score), i.score, i.created_at
                  from interests i
                  join volunteers v on v.id = i.volunteer_id
                  join messages m on m.id = i.message_id
                  left join classifications c on c.message_id = m.id and c.analyzer = 'sentiment' and not m.dialog_answer
                 where i.organisation_id = ?
                 order by i.created_at desc, i.id desc limit ?
                """,
                (rs, n) -> new RecentInterest(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getFloat(7),
                        rs.getTimestamp(8).toInstant()),
                organisationId,
                limit);
    }

    long activeSignups(long organisationId) {
        return jdbc.queryForObject(
                "select count(*) from signups where organisation_id = ? and state = 'active'",
                Long.class,
                organisationId);
    }

    long postsPublished(long organisationId, TimeRange range) {
        return count("""
                select count(*) from posts
                 where organisation_id = ? and state = 'published' and published_at >= ? and published_at < ?
                """, organisationId, range);
    }

    /** Places taken in slots in the range: each volunteer confirmed in a slot counts once. */
    long slotSignups(long organisationId, TimeRange range) {
        return count("""
                select count(*) from slot_assignments a
                  join signup_slots s on s.id = a.slot_id
                  join signups g on g.id = s.signup_id
                 where g.organisation_id = ? and a.confirmed_at >= ? and a.confirmed_at < ?
                """, organisationId, range);
    }

    List<RecentSignup> recentSignups(long organisationId, int limit) {
        return jdbc.query(
                """
                select g.id, g.title, s.id, s.label, s.starts_at, coalesce(v.merged_into, v.id),
                       coalesce(v.name, ''), a.confirmed_at
                  from slot_assignments a
                  join signup_slots s on s.id = a.slot_id
                  join signups g on g.id = s.signup_id
                  join volunteers v on v.id = a.volunteer_id
                 where g.organisation_id = ?
                 order by a.confirmed_at desc, a.slot_id desc, a.volunteer_id desc limit ?
                """,
                (rs, n) -> new RecentSignup(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()),
                organisationId,
                limit);
    }

    private long count(String sql, long organisationId, TimeRange range) {
        return jdbc.queryForObject(
                sql, Long.class, organisationId, Timestamp.from(range.from()), Timestamp.from(range.to()));
    }
}
