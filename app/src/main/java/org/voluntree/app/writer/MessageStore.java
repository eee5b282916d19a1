package org.voluntree.app.writer;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;
import org.voluntree.contracts.event.InboundEvent;

/**
 * The SQL of the writer. Every statement is an upsert keyed by external ids that changes a row
 * only when the new values differ, so writing the same batch twice changes nothing.
 */
@Repository
class MessageStore {

    /** A page connected to an organisation. */
    record Page(long id, long organisationId) {}

    private static final String UPSERT_MESSAGE = """
            insert into messages (organisation_id, page_id, external_id, kind, post_id, parent_id, author_id,
                                  author_name, text, payload, created_at, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (external_id) do update
               set text = excluded.text,
                   author_name = coalesce(excluded.author_name, messages.author_name)
             where messages.text is distinct from excluded.text
                or (messages.author_name is null and excluded.author_name is not null)
            """;

    /** A removed comment keeps its row (replies and counts refer to it) but loses what the person wrote. */
    private static final String MARK_REMOVED = """
            update messages set removed_at = ?, text = null, author_name = null
             where external_id = ? and removed_at is null
            """;

    private static final String UPSERT_CLASSIFICATION = """
            insert into classifications (message_id, analyzer, model_version, label, score, scores)
            values (?, ?, ?, ?, ?, ?)
            on conflict (message_id, analyzer) do update
               set model_version = excluded.model_version, label = excluded.label,
                   score = excluded.score, scores = excluded.scores
             where (classifications.model_version, classifications.label, classifications.scores)
                   is distinct from (excluded.model_version, excluded.label, excluded.scores)
            """;

    private static final String UPSERT_VOLUNTEER = """
            insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
            values (?, ?, ?, ?)
            on conflict (organisation_id, facebook_user_id) do update
               set name = excluded.name
             where volunteers.name is null and excluded.name is not null
            """;

    private static final String INSERT_INTEREST = """
            insert into interests (organisation_id, volunteer_id, message_id, post_id, score, created_at)
            select ?, ?, m.id, ?, ?, ? from messages m where m.id = ? and not m.dialog_answer
            on conflict (message_id) do nothing
            """;

    private final JdbcTemplate jdbc;

    MessageStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Page> pages(Set<String> facebookPageIds) {
        Map<String, Page> pages = new HashMap<>();
        jdbc.query(
                "select facebook_page_id, id, organisation_id from pages where facebook_page_id = any(?)",
                rs -> {
                    pages.put(rs.getString(1), new Page(rs.getLong(2), rs.getLong(3)));
                },
                (Object) facebookPageIds.toArray(String[]::new));
        return pages;
    }

    /** Upserts the messages (in order) and returns their row ids by external id. */
    Map<String, Long> upsertMessages(List<InboundEvent> events, Map<String, Page> pages) {
        List<InboundEvent> kept =
                events.stream().filter(e -> !"remove".equals(e.verb())).toList();
        jdbc.batchUpdate(UPSERT_MESSAGE, kept, 500, (ps, e) -> {
            Page page = pages.get(e.pageId());
            ps.setLong(1, page.organisationId());
            ps.setLong(2, page.id());
            ps.setString(3, e.externalId());
            ps.setString(4, e.kind().name());
            ps.setString(5, e.postId());
            ps.setString(6, e.parentId());
            ps.setString(7, e.authorId());
            ps.setString(8, e.authorName());
            ps.setString(9, e.text());
            ps.setString(10, e.payload());
            ps.setTimestamp(11, Timestamp.from(e.createdAt()));
            ps.setTimestamp(12, Timestamp.from(e.receivedAt()));
        });
        List<InboundEvent> removed =
                events.stream().filter(e -> "remove".equals(e.verb())).toList();
        jdbc.batchUpdate(MARK_REMOVED, removed, 500, (ps, e) -> {
            ps.setTimestamp(1, Timestamp.from(e.createdAt()));
            ps.setString(2, e.externalId());
        });
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(
                "select external_id, id from messages where external_id = any(?)",
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                },
                (Object)
                        events.stream().map(InboundEvent::externalId).distinct().toArray(String[]::new));
        return ids;
    }

    /** One verdict to store. */
    record Verdict(long messageId, String analyzer, Classification classification) {}

    void upsertClassifications(List<Verdict> verdicts) {
        jdbc.batchUpdate(UPSERT_CLASSIFICATION, verdicts, 500, (ps, v) -> {
            ps.setLong(1, v.messageId());
            ps.setString(2, v.analyzer());
            ps.setInt(3, v.classification().version());
            ps.setString(4, v.classification().label());
            ps.setFloat(5, v.classification().score());
            ps.setArray(6, realArray(ps, v.classification().scores()));
        });
    }

    /**
     * How the dashboard shows each message's stored sentiment, by message id, as {@code /api/messages}
     * does: the SQL function {@code sentiment_shown}, the one place that rule lives, and neutral for an
     * answer the signup dialog already took (a replayed batch, a message classified again).
     */
    Map<Long, String> sentimentShown(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> shown = new HashMap<>();
        jdbc.query(
                """
                select c.message_id,
                       case when m.dialog_answer then 'neutral' else sentiment_shown(c.label, c.score) end
                  from classifications c join messages m on m.id = c.message_id
                 where c.analyzer = 'sentiment' and c.message_id = any(?)
                """,
                rs -> {
                    shown.put(rs.getLong(1), rs.getString(2));
                },
                (Object) messageIds.toArray(Long[]::new));
        return shown;
    }

    /** Someone who showed interest in a message. */
    record Interest(long organisationId, long messageId, ClassifiedMessage message, float score) {}

    /** Forgets the interests these messages showed (edited into something else, or removed). */
    void withdrawInterests(List<Long> messageIds) {
        if (!messageIds.isEmpty()) {
            jdbc.update("delete from interests where message_id = any(?)", (Object) messageIds.toArray(Long[]::new));
        }
    }

    /** Records volunteers and their interests; returns the volunteer id per message id. */
    Map<Long, Long> recordInterests(List<Interest> interests) {
        if (interests.isEmpty()) {
            return Map.of();
        }
        jdbc.batchUpdate(UPSERT_VOLUNTEER, interests, 500, (ps, i) -> {
            ps.setLong(1, i.organisationId());
            ps.setString(2, i.message().event().authorId());
            ps.setString(3, i.message().event().authorName());
            ps.setTimestamp(4, Timestamp.from(i.message().event().createdAt()));
        });
        Map<String, Long> volunteerIds = new HashMap<>();
        jdbc.query(
                """
                select organisation_id, facebook_user_id, id from volunteers
                 where organisation_id = any(?) and facebook_user_id = any(?)
                """,
                rs -> {
                    volunteerIds.put(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3));
                },
                interests.stream().map(Interest::organisationId).distinct().toArray(Long[]::new),
                interests.stream()
                        .map(i -> i.message().event().authorId())
                        .distinct()
                        .toArray(String[]::new));
        Map<Long, Long> volunteerByMessage = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Interest i : interests) {
            Long volunteerId = volunteerIds.get(
                    i.organisationId() + "/" + i.message().event().authorId());
            volunteerByMessage.put(i.messageId(), volunteerId);
            // a replayed batch does not count again an answer the signup dialog took (DialogAnswers)
            rows.add(new Object[] {
                i.organisationId(),
                volunteerId,
                i.message().event().postId(),
                i.score(),
                Timestamp.from(i.message().event().createdAt()),
                i.messageId()
            });
        }
        jdbc.batchUpdate(INSERT_INTEREST, rows);
        return volunteerByMessage;
    }

    private static Array realArray(PreparedStatement ps, float[] values) throws SQLException {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return ps.getConnection().createArrayOf("float4", boxed);
    }
}
