package org.voluntree.app.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL that reads an organisation's messages with their verdicts: the latest, a search by
 * author or text, and the messages of given authors. Every query is limited to one organisation.
 */
@Repository
public class RecentMessages {

    /** A message in the shape of the live {@code message.classified} event. */
    public record Message(
            long messageId,
            String externalId,
            String kind,
            String authorId,
            String authorName,
            String text,
            Instant createdAt,
            boolean removed,
            Map<String, Verdict> classifications) {}

    /**
     * One analyzer's label and score; for sentiment, {@code shown} is what the dashboard shows (the
     * label, or {@code neutral} where the model was not confident: SQL {@code sentiment_shown}).
     */
    public record Verdict(
            String label,
            float score,
            int version,
            @JsonInclude(JsonInclude.Include.NON_NULL) String shown) {}

    private static final String COLUMNS = "id, external_id, kind, author_id, author_name, text, created_at, removed_at";

    private final JdbcTemplate jdbc;

    RecentMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Message> latest(long organisationId, int limit) {
        return withVerdicts("select " + COLUMNS + """
                 from messages where organisation_id = ?
                 order by created_at desc, id desc limit ?
                """, organisationId, limit);
    }

    /** Messages whose author name or id, and whose text, contain the given strings (case-insensitive; blank matches all). */
    public List<Message> search(long organisationId, String author, String text, int limit) {
        return withVerdicts(
                "select " + COLUMNS + """
                 from messages
                 where organisation_id = ?
                   and (? = '' or author_name ilike ? escape '\\' or author_id = ?)
                   and (? = '' or text ilike ? escape '\\')
                 order by created_at desc, id desc limit ?
                """,
                organisationId,
                author,
                contains(author),
                author,
                text,
                contains(text),
                limit);
    }

    /** The latest messages written by any of the given Facebook user ids. */
    public List<Message> byAuthors(long organisationId, List<String> authorIds, int limit) {
        return withVerdicts("select " + COLUMNS + """
                 from messages where organisation_id = ? and author_id = any(?)
                 order by created_at desc, id desc limit ?
                """, organisationId, authorIds.toArray(String[]::new), limit);
    }

    /** The comments under a published post, oldest first. */
    public List<Message> underPost(long organisationId, String facebookPostId, int limit) {
        return withVerdicts("select " + COLUMNS + """
                 from messages where organisation_id = ? and post_id = ? and kind = 'COMMENT'
                 order by created_at, id limit ?
                """, organisationId, facebookPostId, limit);
    }

    private List<Message> withVerdicts(String sql, Object... args) {
        Map<Long, Message> messages = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    messages.put(rs.getLong("id"), message(rs));
                },
                args);
        if (messages.isEmpty()) {
            return List.of();
        }
        jdbc.query(
                """
                select c.message_id, c.analyzer, c.label, c.score, c.model_version,
                       case when c.analyzer <> 'sentiment' then null
                            when m.dialog_answer then 'neutral'
                            else sentiment_shown(c.label, c.score) end
                  from classifications c join messages m on m.id = c.message_id
                 where c.message_id = any(?)
                """,
                rs -> {
                    messages.get(rs.getLong(1))
                            .classifications()
                            .put(
                                    rs.getString(2),
                                    new Verdict(rs.getString(3), rs.getFloat(4), rs.getInt(5), rs.getString(6)));
                },
                (Object) messages.keySet().toArray(Long[]::new));
        return List.copyOf(messages.values());
    }

    static String contains(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getString("kind"),
                rs.getString("author_id"),
                rs.getString("author_name"),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("removed_at") != null,
                new LinkedHashMap<>());
    }
}
