package org.voluntree.app.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * API tokens: 256 random bits, shown once and stored only as a SHA-256 digest. A slow password
 * hash is not needed for a secret this long, and a digest can be looked up by equality.
 */
@Repository
class ApiTokens {

    static final String PREFIX = "vt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed: never the secret itself. */
    record ApiToken(long id, String name, String hint, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}

    /** A token just issued; {@code token} is shown this once. */
    record IssuedToken(long id, String name, String token, String hint, Instant createdAt, Instant expiresAt) {}

    private final JdbcTemplate jdbc;

    ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    IssuedToken issue(long adminId, String name, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hint = token.substring(0, PREFIX.length() + 6);
        var row = jdbc.queryForMap("""
                insert into api_tokens (admin_id, name, token_hash, hint, expires_at) values (?, ?, ?, ?, ?)
                returning id, created_at
                """, adminId, name, digest(token), hint, Timestamp.from(expiresAt));
        return new IssuedToken(
                ((Number) row.get("id")).longValue(),
                name,
                token,
                hint,
                ((Timestamp) row.get("created_at")).toInstant(),
                expiresAt);
    }

    List<ApiToken> of(long adminId) {
        return jdbc.query(
                """
                select id, name, hint, created_at, last_used_at, expires_at from api_tokens
                 where admin_id = ? order by created_at desc, id desc
                """,
                (rs, n) -> new ApiToken(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6))),
                adminId);
    }

    boolean revoke(long adminId, long tokenId) {
        return jdbc.update("delete from api_tokens where id = ? and admin_id = ?", tokenId, adminId) == 1;
    }

    /** The admin a valid, unexpired token belongs to; notes when it was used (at most once a minute). */
    Optional<AdminAccount> authenticate(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] digest = digest(token);
        List<AdminAccount> found = jdbc.query(
                """
                select a.id, a.organisation_id, a.email, a.password_hash, a.role
                  from api_tokens t join admins a on a.id = t.admin_id
                 where t.token_hash = ? and t.expires_at > now()
                """,
                (rs, n) -> new AdminAccount(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                (Object) digest);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("""
                update api_tokens set last_used_at = now()
                 where token_hash = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
                """, (Object) digest);
        return Optional.of(found.get(0));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
