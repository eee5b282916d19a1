package org.voluntree.app.reply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voluntree.app.live.LiveEvents;

/**
 * The SQL of {@code replies}: a reply is claimed (recorded as pending under its unique key)
 * before it is sent, then marked with its outcome. Claiming twice returns the existing record,
 * so a retry never sends twice.
 */
@Repository
public class ReplyRecords {

    /** What claiming found. */
    /**
     * A reply's record as a send finds it.
     *
     * @param id the record
     * @param status pending, sent, failed or skipped
     * @param fresh whether this send created it (no earlier attempt)
     * @param text the text the first attempt recorded: what an earlier attempt may have sent
     */
    public record Claim(long id, String status, boolean fresh, String text) {

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    /** How the reason of a reply the queue gave up on begins. */
    static final String GAVE_UP = "gave up after its retries: ";

    private final JdbcTemplate jdbc;
    private final LiveEvents events;

    ReplyRecords(JdbcTemplate jdbc, LiveEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Whether the message a job answers is still stored. It is gone when its author's data was erased
     * after the writer queued the job (a job a worker already held escapes the erasure's sweep of the
     * queue), or when its organisation was deleted.
     */
    boolean messageStored(long messageId) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from messages where id = ?)", Boolean.class, messageId));
    }

    /** Records a reply about to be sent, or returns the record a previous attempt left. */
    public Claim claim(long organisationId, long messageId, String targetId, String kind, String intent, String text) {
        List<Long> created =
                jdbc.queryForList("""
                insert into replies (organisation_id, message_id, target_id, kind, intent, text, status)
                values (?, ?, ?, ?, ?, ?, 'pending')
                on conflict (target_id, kind) do nothing
                returning id
                """, Long.class, organisationId, messageId, targetId, kind, intent, text);
        if (!created.isEmpty()) {
            return new Claim(created.get(0), "pending", true, text);
        }
        // a reply whose job the queue gave up on is claimed again by the job replayed from s:dead
        List<Claim> reopened = jdbc.query(
                """
                update replies set status = 'pending', reason = null, updated_at = now()
                 where target_id = ? and kind = ? and status = 'failed' and reason like ?
                returning id, text
                """,
                (rs, n) -> new Claim(rs.getLong(1), "pending", false, rs.getString(2)),
                targetId,
                kind,
                GAVE_UP + "%");
        if (!reopened.isEmpty()) {
            return reopened.get(0);
        }
        return jdbc.queryForObject(
                "select id, status, text from replies where target_id = ? and kind = ?",
                (rs, n) -> new Claim(rs.getLong(1), rs.getString(2), false, rs.getString(3)),
                targetId,
                kind);
    }

    /**
     * The text of the reply of {@code kind} to the target when an earlier attempt decided it as {@code intent}
     * and it is not known to be sent (still pending): what a retry of a step with effects is to answer, since
     * the retry finds the state the first attempt left (a place it took, or gave up) rather than the one it
     * answered from.
     */
    public Optional<String> pendingText(String targetId, String kind, String intent) {
        return jdbc
                .queryForList(
                        "select text from replies where target_id = ? and kind = ? and intent = ? and status = 'pending'",
                        String.class,
                        targetId,
                        kind,
                        intent)
                .stream()
                .findFirst();
    }

    public void markSent(long id, String facebookId) {
        changed(jdbc.queryForList("""
                update replies set status = 'sent', facebook_id = ?, reason = null, updated_at = now() where id = ?
                returning organisation_id, message_id
                """, facebookId, id), "sent");
    }

    public void markFailed(long id, String reason) {
        changed(
                jdbc.queryForList(
                        "update replies set status = 'failed', reason = ?, updated_at = now() where id = ? returning organisation_id, message_id",
                        reason,
                        id),
                "failed");
    }

    /**
     * The queue gave up on the job of a message (it is in {@code s:dead}): its replies still pending
     * failed, with the reason; a replay of the job ({@code model-tools dead replay}) claims them again.
     */
    public void gaveUp(long messageId, String reason) {
        changed(
                jdbc.queryForList(
                        "update replies set status = 'failed', reason = ?, updated_at = now()"
                                + " where message_id = ? and status = 'pending' returning organisation_id, message_id",
                        GAVE_UP + reason + "; model-tools dead replay tries again",
                        messageId),
                "failed");
    }

    /** Tells the admins that a reply went out (or failed), so the inbox shows it without a reload. */
    private void changed(List<Map<String, Object>> rows, String status) {
        for (Map<String, Object> row : rows) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("messageId", row.get("message_id"));
            fields.put("status", status);
            events.publish(((Number) row.get("organisation_id")).longValue(), LiveEvents.REPLY_CHANGED, fields);
        }
    }

    /** Records a reply that was decided against, and why (unless one is already recorded). */
    public void recordSkipped(
            long organisationId, long messageId, String targetId, String kind, String intent, String reason) {
        jdbc.update("""
                insert into replies (organisation_id, message_id, target_id, kind, intent, status, reason)
                values (?, ?, ?, ?, ?, 'skipped', ?)
                on conflict (target_id, kind) do nothing
                """, organisationId, messageId, targetId, kind, intent, reason);
    }
}
