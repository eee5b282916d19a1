package org.voluntree.app.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the inbox: conversations are the Messenger messages and postbacks of one person on
 * one page; a thread interleaves the person's messages, the bot's replies to them and the
 * admins' replies by hand.
 */
@Repository
class InboxQueries {

    /** One conversation in the list. */
    record Conversation(
            String pageId,
            String pageName,
            String psid,
            String name,
            int messages,
            String lastText,
            String lastSentiment,
            Instant lastAt) {}

    /** One line of a thread: {@code from} is person, bot or admin. */
    record Entry(String from, long id, String text, Instant at, String sentiment, String status, String reason) {}

    /**
     * The person's name in a conversation: Messenger events carry none, so it is the name of the
     * volunteer their Messenger id belongs to (the commenter's, once they accepted an offer).
     */
    private static final String VOLUNTEER_NAME = """
            (select coalesce(k.name, v.name) from volunteers v left join volunteers k on k.id = v.merged_into
              where v.organisation_id = ? and v.facebook_user_id = m.author_id)
            """;

    private final JdbcTemplate jdbc;

    InboxQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Conversation> conversations(long organisationId, int limit) {
        return jdbc.query(
                """
                select p.facebook_page_id, p.name, m.author_id, coalesce(max(m.author_name), %s), count(*),
                       (array_agg(m.text order by m.created_at desc, m.id desc))[1],
                       (array_agg(sentiment_shown(s.label, s.score) order by m.created_at desc, m.id desc))[1],
                       max(m.created_at)
                  from messages m
                  join pages p on p.id = m.page_id
                  left join classifications s on s.message_id = m.id and s.analyzer = 'sentiment' and not m.dialog_answer
                 where m.organisation_id = ? and m.kind in ('MESSAGE', 'POSTBACK')
                   and m.author_id is not null and m.author_id <> p.facebook_page_id
                 group by p.facebook_page_id, p.name, m.author_id
                 order by max(m.created_at) desc limit ?
                """.formatted(VOLUNTEER_NAME),
                (rs, n) -> new Conversation(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()),
                organisationId,
                organisationId,
                limit);
    }

    /** The person's name (empty if unknown) if the organisation has a conversation with them on the page. */
    Optional<String> person(long organisationId, String pageId, String psid) {
        return jdbc
                .query(
                        """
                select coalesce(max(m.author_name), %s, '') from messages m join pages p on p.id = m.page_id
                 where m.organisation_id = ? and p.facebook_page_id = ? and m.author_id = ?
                   and m.kind in ('MESSAGE', 'POSTBACK')
                 group by m.author_id
                """.formatted(VOLUNTEER_NAME),
                        (rs, n) -> rs.getString(1),
                        organisationId,
                        organisationId,
                        pageId,
                        psid)
                .stream()
                .findFirst();
    }

    List<Entry> thread(long organisationId, String pageId, String psid, int limit) {
        List<Entry> entries = new ArrayList<>();
        Object[] args = {organisationId, pageId, psid, limit};
        jdbc.query(
                """
                select m.id, coalesce(m.text, m.payload), m.created_at, sentiment_shown(s.label, s.score) from messages m
                  join pages p on p.id = m.page_id
                  left join classifications s on s.message_id = m.id and s.analyzer = 'sentiment' and not m.dialog_answer
                 where m.organisation_id = ? and p.facebook_page_id = ? and m.author_id = ?
                   and m.kind in ('MESSAGE', 'POSTBACK')
                 order by m.created_at desc limit ?
                """,
                rs -> {
                    entries.add(new Entry(
                            "person",
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            null,
                            null));
                },
                args);
        jdbc.query(
                """
                select r.id, r.text, r.created_at, r.status, r.reason from replies r
                  join messages m on m.id = r.message_id
                  join pages p on p.id = m.page_id
                 where r.organisation_id = ? and p.facebook_page_id = ? and m.author_id = ?
                   and m.kind in ('MESSAGE', 'POSTBACK') and r.text is not null
                 order by r.created_at desc limit ?
                """,
                rs -> {
                    entries.add(new Entry(
                            "bot",
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            null,
                            rs.getString(4),
                            rs.getString(5)));
                },
                args);
        jdbc.query(
                """
                select id, text, created_at, status, reason from hand_replies
                 where organisation_id = ? and facebook_page_id = ? and psid = ?
                 order by created_at desc limit ?
                """,
                rs -> {
                    entries.add(new Entry(
                            "admin",
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            null,
                            rs.getString(4),
                            rs.getString(5)));
                },
                args);
        entries.sort(Comparator.comparing(Entry::at));
        return entries.size() > limit ? entries.subList(entries.size() - limit, entries.size()) : entries;
    }

    long recordHandReply(long organisationId, String pageId, String psid, long adminId, String text, String tag) {
        return jdbc.queryForObject("""
                insert into hand_replies (organisation_id, facebook_page_id, psid, admin_id, text, tag, status)
                values (?, ?, ?, ?, ?, ?, 'pending') returning id
                """, Long.class, organisationId, pageId, psid, adminId, text, tag);
    }

    void markSent(long id, String facebookMessageId) {
        jdbc.update(
                "update hand_replies set status = 'sent', facebook_message_id = ? where id = ?", facebookMessageId, id);
    }

    void markFailed(long id, String reason) {
        jdbc.update("update hand_replies set status = 'failed', reason = ? where id = ?", reason, id);
    }
}
