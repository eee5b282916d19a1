package org.voluntree.app.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of chat sessions, their members and messages. Every query is limited to one organisation. */
@Repository
class ChatSessions {

    /** A session with its members. */
    record Session(long id, String title, Instant createdAt, Long createdBy, List<Member> members) {}

    /** An admin in a session. */
    record Member(long adminId, String email, Instant joinedAt) {}

    /** One chat message. */
    record Message(long id, long sessionId, Long authorId, String authorEmail, String text, Instant createdAt) {}

    private final JdbcTemplate jdbc;

    ChatSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(long organisationId, long adminId, String title) {
        return jdbc.queryForObject("""
                insert into chat_sessions (organisation_id, title, created_by) values (?, ?, ?) returning id
                """, Long.class, organisationId, title, adminId);
    }

    /** Adds members (idempotent). */
    void join(long sessionId, List<Long> adminIds) {
        jdbc.batchUpdate(
                """
                insert into chat_members (session_id, admin_id) values (?, ?) on conflict do nothing
                """, adminIds.stream().map(id -> new Object[] {sessionId, id}).toList());
    }

    /** The admins among {@code adminIds} that do not belong to the organisation. */
    List<Long> strangers(long organisationId, List<Long> adminIds) {
        List<Long> known = jdbc.queryForList(
                "select id from admins where organisation_id = ? and id = any(?)",
                Long.class,
                organisationId,
                adminIds.toArray(Long[]::new));
        return adminIds.stream().filter(id -> !known.contains(id)).toList();
    }

    Optional<Session> find(long organisationId, long sessionId) {
        return sessions("s.organisation_id = ? and s.id = ?", organisationId, sessionId).stream()
                .findFirst();
    }

    /** The sessions the admin is a member of, newest first. */
    List<Session> of(long organisationId, long adminId) {
        return sessions("""
                s.organisation_id = ? and exists (select 1 from chat_members cm where cm.session_id = s.id and cm.admin_id = ?)
                """, organisationId, adminId);
    }

    List<Session> all(long organisationId) {
        return sessions("s.organisation_id = ?", organisationId);
    }

    private List<Session> sessions(String where, Object... args) {
        Map<Long, Session> sessions = new LinkedHashMap<>();
        jdbc.query(
                "select s.id, s.title, s.created_at, s.created_by from chat_sessions s where " + where
                        + " order by s.created_at desc, s.id desc",
                rs -> {
                    long createdBy = rs.getLong(4);
                    sessions.put(
                            rs.getLong(1),
                            new Session(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getTimestamp(3).toInstant(),
                                    rs.wasNull() ? null : createdBy,
                                    new ArrayList<>()));
                },
                args);
        if (!sessions.isEmpty()) {
            jdbc.query(
                    """
                    select cm.session_id, a.id, a.email, cm.joined_at from chat_members cm
                      join admins a on a.id = cm.admin_id
                     where cm.session_id = any(?) order by cm.joined_at, a.id
                    """,
                    rs -> {
                        sessions.get(rs.getLong(1))
                                .members()
                                .add(new Member(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getTimestamp(4).toInstant()));
                    },
                    (Object) sessions.keySet().toArray(Long[]::new));
        }
        return List.copyOf(sessions.values());
    }

    Message post(long sessionId, long authorId, String text) {
        return jdbc.queryForObject("""
                with inserted as (
                    insert into chat_messages (session_id, author_id, text) values (?, ?, ?)
                    returning id, session_id, author_id, text, created_at)
                select i.id, i.session_id, i.author_id, a.email, i.text, i.created_at
                  from inserted i left join admins a on a.id = i.author_id
                """, ChatSessions::message, sessionId, authorId, text);
    }

    /** Messages of a session before the given id (all when null), newest last. */
    List<Message> history(long sessionId, Long beforeId, int limit) {
        List<Message> newestFirst = jdbc.query("""
                select m.id, m.session_id, m.author_id, a.email, m.text, m.created_at
                  from chat_messages m left join admins a on a.id = m.author_id
                 where m.session_id = ? and (?::bigint is null or m.id < ?)
                 order by m.id desc limit ?
                """, ChatSessions::message, sessionId, beforeId, beforeId, limit);
        List<Message> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        long author = rs.getLong(3);
        Long authorId = rs.wasNull() ? null : author;
        Timestamp created = rs.getTimestamp(6);
        return new Message(
                rs.getLong(1), rs.getLong(2), authorId, rs.getString(4), rs.getString(5), created.toInstant());
    }
}
