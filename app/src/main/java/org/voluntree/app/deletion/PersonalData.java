package org.voluntree.app.deletion;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Erases what Voluntree holds about a person, by their Facebook id: their messages (and with them
 * classifications, interests and replies), their volunteer records (and slot confirmations), their
 * opt-outs and their Messenger dialog state in Redis. The request is recorded under a confirmation
 * code with only a hash of the id.
 */
@Service
public class PersonalData {

    /** The outcome of a deletion, as the status URL reports it. */
    public record Deletion(String confirmationCode, String status, int messagesDeleted, int volunteersDeleted) {}

    private final JdbcTemplate jdbc;
    private final StatefulRedisConnection<String, byte[]> redis;
    private final SecureRandom random = new SecureRandom();

    PersonalData(JdbcTemplate jdbc, StatefulRedisConnection<String, byte[]> redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    @Transactional
    public Deletion erase(String facebookUserId) {
        byte[] code = new byte[12];
        random.nextBytes(code);
        String confirmation = HexFormat.of().formatHex(code);
        int messages = jdbc.update("delete from messages where author_id = ?", facebookUserId);
        int volunteers = jdbc.update("delete from volunteers where facebook_user_id = ?", facebookUserId);
        jdbc.update("delete from opt_outs where facebook_user_id = ?", facebookUserId);
        eraseConversations(facebookUserId);
        jdbc.update("""
                insert into data_deletions (confirmation_code, user_hash, completed_at, messages_deleted, volunteers_deleted)
                values (?, ?, now(), ?, ?)
                """, confirmation, hash(facebookUserId), messages, volunteers);
        return new Deletion(confirmation, "completed", messages, volunteers);
    }

    public Optional<Deletion> status(String confirmationCode) {
        return jdbc
                .query(
                        """
                select confirmation_code, completed_at is not null, messages_deleted, volunteers_deleted
                  from data_deletions where confirmation_code = ?
                """,
                        (rs, n) -> new Deletion(
                                rs.getString(1),
                                rs.getBoolean(2) ? "completed" : "pending",
                                rs.getInt(3),
                                rs.getInt(4)),
                        confirmationCode)
                .stream()
                .findFirst();
    }

    private void eraseConversations(String facebookUserId) {
        ScanCursor cursor = ScanCursor.INITIAL;
        String pattern = RedisNames.conversation("*", "*", facebookUserId);
        do {
            KeyScanCursor<String> page =
                    redis.sync().scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
            if (!page.getKeys().isEmpty()) {
                redis.sync().del(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    private static String hash(String id) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
