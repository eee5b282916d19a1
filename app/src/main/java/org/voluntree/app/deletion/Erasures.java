package org.voluntree.app.deletion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who was erased, and when, for the parts that store what people write: an erasure must not be
 * undone by a message of the person still on its way through the pipeline.
 *
 * <p>Every Facebook id an erasure covered is kept in {@code erased_people} as a SHA-256 only. The
 * erasure and the writer meet on one PostgreSQL advisory lock: the erasure holds it exclusively
 * for its whole transaction, and every writer transaction takes it shared before it looks up the
 * erased people. So a writer batch either commits before the erasure begins (and the erasure then
 * deletes what it stored) or reads the erasure's rows after it committed (and drops the person's
 * messages written before it); no batch can slip its rows in between.
 */
@Component
public class Erasures {

    /** The advisory lock's key: "VOLUNTER" in ASCII, unlikely to be taken by anything else. */
    static final long LOCK_KEY = 0x564f4c554e544552L;

    private final JdbcTemplate jdbc;

    Erasures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for an erasure in progress to commit and keeps the next one from starting until the
     * caller's transaction ends. Call inside the transaction, before {@link #erasedAmong}.
     */
    public void holdOffErasures() {
        jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> {}, LOCK_KEY);
    }

    /** When each of these Facebook ids was last erased; ids never erased are absent. */
    public Map<String, Instant> erasedAmong(Collection<String> facebookUserIds) {
        Map<String, String> idByHash = new HashMap<>();
        for (String id : facebookUserIds) {
            if (id != null) {
                idByHash.put(hash(id), id);
            }
        }
        Map<String, Instant> erased = new HashMap<>();
        if (idByHash.isEmpty()) {
            return erased;
        }
        jdbc.query(
                "select user_hash, erased_at from erased_people where user_hash = any(?)",
                rs -> {
                    erased.put(idByHash.get(rs.getString(1)), rs.getTimestamp(2).toInstant());
                },
                (Object) idByHash.keySet().toArray(String[]::new));
        return erased;
    }

    /**
     * Takes the lock exclusively: the first statement of an erasure's transaction, before it locks
     * any row (a writer holding the shared lock may be waiting for one of those rows).
     */
    void begin() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> {}, LOCK_KEY);
    }

    /** Records the erasure of these ids as of the transaction's start; after {@link #begin}. */
    void record(Set<String> facebookUserIds) {
        for (String id : facebookUserIds) {
            jdbc.update("""
                    insert into erased_people (user_hash, erased_at) values (?, now())
                    on conflict (user_hash) do update set erased_at = excluded.erased_at
                    """, hash(id));
        }
    }

    /** The SHA-256 of an id, in hex: all that is kept of an erased person's id. */
    static String hash(String id) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
