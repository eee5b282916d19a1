package org.voluntree.app.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** The SQL of connected pages and their encrypted tokens. Tokens leave this class only decrypted into a {@link PageAccess}. */
@Repository
@ConditionalOnRole({Role.WEB, Role.WORKERS, Role.SCHEDULER})
public class PageTokens {

    private static final String COLUMNS = """
            facebook_page_id, name, organisation_id, token_status, token_checked_at, token_problem, subscribed_at
            """;

    private final JdbcTemplate jdbc;
    private final TokenCipher cipher;

    PageTokens(JdbcTemplate jdbc, PageProperties properties) {
        this.jdbc = jdbc;
        this.cipher = new TokenCipher(properties.tokenKey());
    }

    /** The page's token, for a call on its behalf; throws when it has none. */
    public PageAccess access(String pageId) {
        List<byte[]> tokens = jdbc.query(
                "select access_token from pages where facebook_page_id = ?", (rs, n) -> rs.getBytes(1), pageId);
        if (tokens.isEmpty() || tokens.get(0) == null) {
            throw PageNotConnectedException.forPage(pageId);
        }
        return new PageAccess(pageId, cipher.decrypt(pageId, tokens.get(0)));
    }

    public Optional<ConnectedPage> find(String pageId) {
        return jdbc
                .query("select " + COLUMNS + " from pages where facebook_page_id = ?", PageTokens::page, pageId)
                .stream()
                .findFirst();
    }

    public List<ConnectedPage> ofOrganisation(long organisationId) {
        return jdbc.query(
                "select " + COLUMNS + " from pages where organisation_id = ? order by name",
                PageTokens::page,
                organisationId);
    }

    /** Every page that has a token, for the health check. */
    public List<ConnectedPage> withTokens() {
        return jdbc.query("select " + COLUMNS + " from pages where access_token is not null", PageTokens::page);
    }

    /**
     * Connects a page to an organisation with a fresh token, or replaces the token of a page the
     * organisation already has. Returns false when the page belongs to another organisation.
     */
    public boolean store(long organisationId, String pageId, String name, String token, boolean subscribed) {
        byte[] sealed = cipher.encrypt(pageId, token);
        int updated = jdbc.update("""
                insert into pages (organisation_id, facebook_page_id, name, access_token, token_status,
                                   token_checked_at, token_problem, subscribed_at)
                values (?, ?, ?, ?, 'valid', now(), null, case when ? then now() end)
                on conflict (facebook_page_id) do update
                   set name = excluded.name, access_token = excluded.access_token, token_status = 'valid',
                       token_checked_at = now(), token_problem = null,
                       subscribed_at = coalesce(excluded.subscribed_at, pages.subscribed_at)
                 where pages.organisation_id = excluded.organisation_id
                """, organisationId, pageId, name, sealed, subscribed);
        return updated == 1;
    }

    /** Records a successful check. */
    public void markValid(String pageId) {
        jdbc.update("""
                update pages set token_status = 'valid', token_checked_at = now(), token_problem = null
                 where facebook_page_id = ? and access_token is not null
                """, pageId);
    }

    /** Marks a page as needing reauthorisation; returns true when that is news (so admins are alerted once). */
    public boolean markNeedsReauthorisation(String pageId, String problem) {
        return jdbc.update("""
                update pages set token_status = 'needs_reauthorisation', token_checked_at = ?, token_problem = ?
                 where facebook_page_id = ? and token_status <> 'needs_reauthorisation'
                """, Timestamp.from(Instant.now()), problem, pageId) == 1;
    }

    public boolean needsReauthorisation(String pageId) {
        return find(pageId)
                .map(p -> ConnectedPage.NEEDS_REAUTHORISATION.equals(p.tokenStatus()))
                .orElse(false);
    }

    private static ConnectedPage page(ResultSet rs, int row) throws SQLException {
        Timestamp checked = rs.getTimestamp("token_checked_at");
        Timestamp subscribed = rs.getTimestamp("subscribed_at");
        return new ConnectedPage(
                rs.getString("facebook_page_id"),
                rs.getString("name"),
                rs.getLong("organisation_id"),
                rs.getString("token_status"),
                checked == null ? null : checked.toInstant(),
                rs.getString("token_problem"),
                subscribed == null ? null : subscribed.toInstant());
    }
}
