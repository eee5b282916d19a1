package org.voluntree.app.writer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;
import org.voluntree.contracts.event.InboundEvent;

/**
 * The SQL of the writer. Every statement is an upsert keyed by external ids that changes a row
 * only when the new values differ, so writing the same batch twice changes nothing. A batch is one
 * statement a table, its rows passed as one array a column and read with {@code unnest}: a fraction
 * of the time of a statement a row (docs/benchmarks.md, "The writer alone").
 */
@Repository
class MessageStore {

    /** A page connected to an organisation. */
    record Page(long id, long organisationId) {}

    /**
     * One statement for the whole batch: the rows arrive as one array a column. A statement may not
     * update one row twice, so the caller merges repeats of a message first ({@link #mergeRepeats}).
     */
    private static final String UPSERT_MESSAGES = """
            insert into messages (organisation_id, page_id, external_id, kind, post_id, parent_id, author_id,
                                  author_name, text, payload, created_at, received_at)
            select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
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

    /** One statement for the whole batch; each row's scores come as the text of a {@code real[]}. */
    private static final String UPSERT_CLASSIFICATIONS = """
            insert into classifications (message_id, analyzer, model_version, label, score, scores)
            select v.message_id, v.analyzer, v.model_version, v.label, v.score, v.scores::real[]
              from unnest(?::bigint[], ?::text[], ?::integer[], ?::text[], ?::real[], ?::text[])
                   as v (message_id, analyzer, model_version, label, score, scores)
            on conflict (message_id, analyzer) do update
               set model_version = excluded.model_version, label = excluded.label,
                   score = excluded.score, scores = excluded.scores
             where (classifications.model_version, classifications.label, classifications.scores)
                   is distinct from (excluded.model_version, excluded.label, excluded.scores)
            """;

    /** One statement for the batch, one row a person ({@link #recordInterests} merges their repeats). */
    private static final String UPSERT_VOLUNTEERS = """
            insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
            select * from unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[])
            on conflict (organisation_id, facebook_user_id) do update
               set name = excluded.name
             where volunteers.name is null and excluded.name is not null
            """;

    private static final String INSERT_INTERESTS = """
            insert into interests (organisation_id, volunteer_id, message_id, post_id, score, created_at)
            select i.organisation_id, i.volunteer_id, m.id, i.post_id, i.score, i.created_at
              from unnest(?::bigint[], ?::bigint[], ?::text[], ?::real[], ?::timestamptz[], ?::bigint[])
                   as i (organisation_id, volunteer_id, post_id, score, created_at, message_id)
              join messages m on m.id = i.message_id
             where not m.dialog_answer
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
        List<InboundEvent> kept = mergeRepeats(
                events.stream().filter(e -> !"remove".equals(e.verb())).toList());
        if (!kept.isEmpty()) {
            jdbc.update(UPSERT_MESSAGES, ps -> {
                Connection c = ps.getConnection();
                ps.setArray(1, longs(c, kept, e -> pages.get(e.pageId()).organisationId()));
                ps.setArray(2, longs(c, kept, e -> pages.get(e.pageId()).id()));
                ps.setArray(3, texts(c, kept, InboundEvent::externalId));
                ps.setArray(4, texts(c, kept, e -> e.kind().name()));
                ps.setArray(5, texts(c, kept, InboundEvent::postId));
                ps.setArray(6, texts(c, kept, InboundEvent::parentId));
                ps.setArray(7, texts(c, kept, InboundEvent::authorId));
                ps.setArray(8, texts(c, kept, InboundEvent::authorName));
                ps.setArray(9, texts(c, kept, InboundEvent::text));
                ps.setArray(10, texts(c, kept, InboundEvent::payload));
                ps.setArray(11, instants(c, kept, InboundEvent::createdAt));
                ps.setArray(12, instants(c, kept, InboundEvent::receivedAt));
            });
        }
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
        Map<String, Verdict> last = new LinkedHashMap<>();
        verdicts.forEach(v -> last.put(v.messageId() + "/" + v.analyzer(), v));
        List<Verdict> rows = List.copyOf(last.values());
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(UPSERT_CLASSIFICATIONS, ps -> {
            Connection c = ps.getConnection();
            ps.setArray(1, longs(c, rows, Verdict::messageId));
            ps.setArray(2, texts(c, rows, Verdict::analyzer));
            ps.setArray(3, longs(c, rows, v -> v.classification().version()));
            ps.setArray(4, texts(c, rows, v -> v.classification().label()));
            ps.setArray(5, reals(c, rows, v -> v.classification().score()));
            ps.setArray(
                    6, texts(c, rows, v -> realArrayLiteral(v.classification().scores())));
        });
    }

    /**
     * One row a message for a batch that holds it more than once (added and edited within one batch):
     * what it was first written with, the last text, the last name given. Upserting the events one after
     * another would leave the row the same.
     */
    static List<InboundEvent> mergeRepeats(List<InboundEvent> events) {
        Map<String, InboundEvent> merged = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            merged.merge(
                    e.externalId(),
                    e,
                    (first, later) -> new InboundEvent(
                            first.key(),
                            first.kind(),
                            first.pageId(),
                            first.externalId(),
                            first.postId(),
                            first.parentId(),
                            first.verb(),
                            first.authorId(),
                            later.authorName() != null ? later.authorName() : first.authorName(),
                            later.text(),
                            first.payload(),
                            first.createdAt(),
                            first.receivedAt(),
                            first.recipientId()));
        }
        return List.copyOf(merged.values());
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
        // one row a person: the time of their first message in the batch, the first name given
        Map<String, Person> people = new LinkedHashMap<>();
        for (Interest i : interests) {
            InboundEvent e = i.message().event();
            Person person = new Person(i.organisationId(), e.authorId(), e.authorName(), e.createdAt());
            people.merge(
                    person.key(),
                    person,
                    (first, later) -> first.name() != null
                            ? first
                            : new Person(
                                    first.organisationId(), first.facebookUserId(), later.name(), first.firstSeenAt()));
        }
        List<Person> volunteers = List.copyOf(people.values());
        jdbc.update(UPSERT_VOLUNTEERS, ps -> {
            Connection c = ps.getConnection();
            ps.setArray(1, longs(c, volunteers, Person::organisationId));
            ps.setArray(2, texts(c, volunteers, Person::facebookUserId));
            ps.setArray(3, texts(c, volunteers, Person::name));
            ps.setArray(4, instants(c, volunteers, Person::firstSeenAt));
        });
        Map<String, Long> volunteerIds = new HashMap<>();
        jdbc.query(
                """
                select organisation_id, facebook_user_id, id from volunteers
                 where organisation_id = any(?) and facebook_user_id = any(?)
                """,
                rs -> {
                    volunteerIds.put(Person.key(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                },
                volunteers.stream().map(Person::organisationId).distinct().toArray(Long[]::new),
                volunteers.stream().map(Person::facebookUserId).distinct().toArray(String[]::new));
        Map<Long, Long> volunteerByMessage = new HashMap<>();
        for (Interest i : interests) {
            volunteerByMessage.put(
                    i.messageId(),
                    volunteerIds.get(
                            Person.key(i.organisationId(), i.message().event().authorId())));
        }
        // a replayed batch does not count again an answer the signup dialog took (DialogAnswers)
        jdbc.update(INSERT_INTERESTS, ps -> {
            Connection c = ps.getConnection();
            ps.setArray(1, longs(c, interests, Interest::organisationId));
            ps.setArray(2, longs(c, interests, i -> volunteerByMessage.get(i.messageId())));
            ps.setArray(3, texts(c, interests, i -> i.message().event().postId()));
            ps.setArray(4, reals(c, interests, Interest::score));
            ps.setArray(5, instants(c, interests, i -> i.message().event().createdAt()));
            ps.setArray(6, longs(c, interests, Interest::messageId));
        });
        return volunteerByMessage;
    }

    /** A volunteer row to upsert. */
    private record Person(long organisationId, String facebookUserId, String name, Instant firstSeenAt) {

        String key() {
            return key(organisationId, facebookUserId);
        }

        static String key(long organisationId, String facebookUserId) {
            return organisationId + "/" + facebookUserId;
        }
    }

    // One column of a batch as a SQL array, for the statements that read their rows with unnest.

    private static <T> Array texts(Connection c, List<T> rows, Function<T, String> column) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
    }

    private static <T> Array longs(Connection c, List<T> rows, Function<T, Number> column) throws SQLException {
        return c.createArrayOf(
                "bigint",
                rows.stream()
                        .map(column)
                        .map(n -> n == null ? null : n.longValue())
                        .toArray(Long[]::new));
    }

    private static <T> Array reals(Connection c, List<T> rows, Function<T, Float> column) throws SQLException {
        return c.createArrayOf("real", rows.stream().map(column).toArray(Float[]::new));
    }

    /** As ISO-8601 instants ({@code 2026-11-25T10:00:00Z}), which {@code ::timestamptz[]} reads whatever the zone. */
    private static <T> Array instants(Connection c, List<T> rows, Function<T, Instant> column) throws SQLException {
        return texts(c, rows, row -> column.apply(row).toString());
    }

    /** A {@code real[]} written as PostgreSQL reads it back exactly: each float's shortest exact digits. */
    static String realArrayLiteral(float[] values) {
        StringBuilder literal = new StringBuilder(values.length * 12).append('{');
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "" : ",").append(values[i]);
        }
        return literal.append('}').toString();
    }
}
