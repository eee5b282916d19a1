package org.voluntree.app.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL that reads an organisation's latest messages with their verdicts. */
@Repository
class RecentMessages {

    /** A message in the shape of the live {@code message.classified} event. */
    record Message(long messageId, String externalId, String kind, String authorId, String authorName, String text,
            Instant createdAt, boolean removed, Map<String, Verdict> classifications) {
    }

    /** One analyzer's label and score. */
    record Verdict(String label, float score, int version) {
    }

    private final JdbcTemplate jdbc;

    RecentMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Message> latest(long organisationId, int limit) {
        Map<Long, Message> messages = new LinkedHashMap<>();
        jdbc.query("""
                select id, external_id, kind, author_id, author_name, text, created_at, removed_at
                  from messages where organisation_id = ?
                 order by created_at desc, id desc limit ?
                """, rs -> {
                    messages.put(rs.getLong("id"), message(rs));
                }, organisationId, limit);
        if (messages.isEmpty()) {
            return List.of();
        }
        jdbc.query("""
                select message_id, analyzer, label, score, model_version from classifications
                 where message_id = any(?)
                """, rs -> {
                    messages.get(rs.getLong(1)).classifications().put(rs.getString(2),
                            new Verdict(rs.getString(3), rs.getFloat(4), rs.getInt(5)));
                }, (Object) messages.keySet().toArray(Long[]::new));
        return List.copyOf(messages.values());
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("id"), rs.getString("external_id"), rs.getString("kind"),
                rs.getString("author_id"), rs.getString("author_name"), rs.getString("text"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("removed_at") != null,
                new LinkedHashMap<>());
    }
}
