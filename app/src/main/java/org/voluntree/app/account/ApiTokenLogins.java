package org.voluntree.app.account;

import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other parts may know of a request authenticated with an API token: the request attribute
 * that names the token (by its SHA-256 digest, never the secret), and whether that token still
 * works — so that a live socket opened with it closes once it is revoked or expires.
 */
@Component
public class ApiTokenLogins {

    /** Request attribute holding the hex SHA-256 digest of the token that authenticated the request. */
    public static final String DIGEST_ATTRIBUTE = "voluntree.apiToken.digest";

    private final JdbcTemplate jdbc;

    ApiTokenLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Whether the token with this digest exists and has not expired. */
    public boolean stillValid(String digestHex) {
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(digestHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from api_tokens where token_hash = ? and expires_at > now())",
                Boolean.class,
                (Object) digest));
    }
}
