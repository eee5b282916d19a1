package org.voluntree.app.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of volunteers. The writer records one row per Facebook id; a merge points duplicates
 * at the row that stays ({@code merged_into}), so a person's interests and messages are those
 * of every row merged into them, and the writer, which still finds the duplicate's row by its
 * Facebook id, needs to know nothing about merges.
 */
@Repository
public class Volunteers {

    /** A volunteer as listed, with the most recent message they wrote and its sentiment. */
    record Summary(
            long id,
            String name,
            List<String> facebookUserIds,
            Instant firstSeenAt,
            long interests,
            long messages,
            LastMessage lastMessage) {}

    /** The latest message of a volunteer. */
    record LastMessage(long messageId, String text, Instant createdAt, String sentiment) {}

    /** One interest: a message in which the volunteer offered to help. */
    record Interest(long id, long messageId, String postId, float score, Instant createdAt, String text) {}

    /**
     * What was sent to the person: the bot's replies ({@code public} under a comment, {@code private}
     * in Messenger; skipped ones with the reason) and the admins' replies by hand ({@code hand}).
     */
    record Reply(String kind, String intent, String text, String status, String reason, Instant createdAt) {}

    /** A place the person took in a slot of a signup. */
    record SlotSignup(
            long signupId,
            String title,
            long slotId,
            String slotLabel,
            Instant startsAt,
            Instant endsAt,
            Instant confirmedAt) {}

    private static final String SUMMARY = """
            with people as (
                select v.id, v.name, v.first_seen_at from volunteers v
                 where v.organisation_id = ? and v.merged_into is null
                   and (? = '' or v.name ilike ? escape '\\' or exists (
                        select 1 from volunteers d where d.organisation_id = v.organisation_id
                           and (d.id = v.id or d.merged_into = v.id) and d.facebook_user_id = ?))
                   and (?::bigint is null or v.id = ?)
                 order by v.first_seen_at desc, v.id desc
                 limit ? offset ?)
            select p.id, p.name, p.first_seen_at, ids.facebook_user_ids, ids.volunteer_ids,
                   (select count(*) from interests i where i.volunteer_id = any(ids.volunteer_ids)) as interests,
                   (select count(*) from messages m
                     where m.organisation_id = ? and m.author_id = any(ids.facebook_user_ids)) as messages,
                   last.id as last_id, last.text as last_text, last.created_at as last_created_at,
                   last.sentiment as last_sentiment
              from people p
             cross join lateral (
                   select array_agg(d.facebook_user_id order by d.id) as facebook_user_ids,
                          array_agg(d.id order by d.id) as volunteer_ids
                     from volunteers d where d.organisation_id = ? and (d.id = p.id or d.merged_into = p.id)) ids
              left join lateral (
                   select m.id, m.text, m.created_at, sentiment_shown(c.label, c.score) as sentiment from messages m
                     left join classifications c on c.message_id = m.id and c.analyzer = 'sentiment' and not m.dialog_answer
                    where m.organisation_id = ? and m.author_id = any(ids.facebook_user_ids)
                    order by m.created_at desc, m.id desc limit 1) last on true
             order by p.first_seen_at desc, p.id desc
            """;

    private final JdbcTemplate jdbc;

    Volunteers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Summary> list(long organisationId, String query, int limit, int offset) {
        return summaries(organisationId, query, null, limit, offset);
    }

    long count(long organisationId, String query) {
        return jdbc.queryForObject("""
                select count(*) from volunteers v
                 where v.organisation_id = ? and v.merged_into is null
                   and (? = '' or v.name ilike ? escape '\\' or exists (
                        select 1 from volunteers d where d.organisation_id = v.organisation_id
                           and (d.id = v.id or d.merged_into = v.id) and d.facebook_user_id = ?))
                """, Long.class, organisationId, query, contains(query), query);
    }

    Optional<Summary> find(long organisationId, long id) {
        return summaries(organisationId, "", id, 1, 0).stream().findFirst();
    }

    /** The id of the volunteer a row now belongs to (itself, or the one it was merged into). */
    Optional<Long> resolve(long organisationId, long id) {
        return jdbc.query(
                "select coalesce(merged_into, id) from volunteers where organisation_id = ? and id = ?",
                rs -> rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty(),
                organisationId,
                id);
    }

    List<Interest> interests(long organisationId, long id) {
        return jdbc.query(
                """
                select i.id, i.message_id, i.post_id, i.score, i.created_at, m.text from interests i
                  join volunteers d on d.id = i.volunteer_id
                  join messages m on m.id = i.message_id
                 where i.organisation_id = ? and (d.id = ? or d.merged_into = ?)
                 order by i.created_at desc, i.id desc
                """,
                (rs, n) -> new Interest(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getFloat(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)),
                organisationId,
                id,
                id);
    }

    List<Reply> replies(long organisationId, List<String> facebookUserIds, int limit) {
        String[] ids = facebookUserIds.toArray(String[]::new);
        return jdbc.query(
                """
                select r.kind, r.intent, r.text, r.status, r.reason, r.created_at from replies r
                  join messages m on m.id = r.message_id
                 where r.organisation_id = ? and m.organisation_id = ? and m.author_id = any(?)
                union all
                select 'hand', null, h.text, h.status, h.reason, h.created_at from hand_replies h
                 where h.organisation_id = ? and h.psid = any(?)
                 order by 6 desc limit ?
                """,
                (rs, n) -> new Reply(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                organisationId,
                organisationId,
                ids,
                organisationId,
                ids,
                limit);
    }

    List<SlotSignup> signups(long organisationId, long id) {
        return jdbc.query(
                """
                select g.id, g.title, s.id, s.label, s.starts_at, s.ends_at, a.confirmed_at from slot_assignments a
                  join volunteers d on d.id = a.volunteer_id
                  join signup_slots s on s.id = a.slot_id
                  join signups g on g.id = s.signup_id
                 where g.organisation_id = ? and d.organisation_id = ? and (d.id = ? or d.merged_into = ?)
                 order by s.starts_at, s.id
                """,
                (rs, n) -> new SlotSignup(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()),
                organisationId,
                organisationId,
                id,
                id);
    }

    /** The e-mail the volunteer verified in Messenger, the latest under any of their ids. */
    public Optional<String> verifiedEmail(long organisationId, long id) {
        return jdbc.queryForList("""
                        select email from volunteers
                         where organisation_id = ? and (id = ? or merged_into = ?) and email_verified_at is not null
                         order by email_verified_at desc limit 1
                        """, String.class, organisationId, id, id).stream()
                .findFirst();
    }

    /**
     * Points the duplicate, and everything already merged into it, at the volunteer that stays. A slot
     * both held a place in (the person signed up twice, once under each id) keeps one place, the one
     * taken first: one person fills one place.
     */
    public void merge(long organisationId, long keep, long duplicate) {
        jdbc.update("""
                update volunteers set merged_into = ?
                 where organisation_id = ? and (id = ? or merged_into = ?)
                """, keep, organisationId, duplicate, duplicate);
        jdbc.update("""
                delete from slot_assignments a
                 using volunteers da, slot_assignments b, volunteers db
                 where da.id = a.volunteer_id and da.organisation_id = ? and coalesce(da.merged_into, da.id) = ?
                   and b.slot_id = a.slot_id and db.id = b.volunteer_id and coalesce(db.merged_into, db.id) = ?
                   and (b.confirmed_at, b.volunteer_id) < (a.confirmed_at, a.volunteer_id)
                """, organisationId, keep, keep);
        jdbc.update("""
                update volunteers v set name = coalesce(v.name, d.name), first_seen_at = least(v.first_seen_at, d.first_seen_at)
                  from volunteers d
                 where v.id = ? and d.id = ? and v.organisation_id = ?
                """, keep, duplicate, organisationId);
    }

    private List<Summary> summaries(long organisationId, String query, Long id, int limit, int offset) {
        return jdbc.query(
                SUMMARY,
                Volunteers::summary,
                organisationId,
                query,
                contains(query),
                query,
                id,
                id,
                limit,
                offset,
                organisationId,
                organisationId,
                organisationId);
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        long lastId = rs.getLong("last_id");
        LastMessage last = rs.wasNull()
                ? null
                : new LastMessage(
                        lastId,
                        rs.getString("last_text"),
                        rs.getTimestamp("last_created_at").toInstant(),
                        rs.getString("last_sentiment"));
        String[] ids = (String[]) rs.getArray("facebook_user_ids").getArray();
        Timestamp firstSeen = rs.getTimestamp("first_seen_at");
        return new Summary(
                rs.getLong("id"),
                rs.getString("name"),
                List.of(ids),
                firstSeen.toInstant(),
                rs.getLong("interests"),
                rs.getLong("messages"),
                last);
    }

    static String contains(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
