package org.voluntree.app.testing;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voluntree.app.account.AdminAccounts;

/**
 * Organisations, admins, messages, volunteers and interests written straight to PostgreSQL. A test
 * that starts the app takes it with {@code @Import(OrganisationFixture.class)} and {@code @Autowired}.
 */
@TestComponent
public final class OrganisationFixture {

    private final JdbcTemplate jdbc;
    private final AdminAccounts admins;

    public OrganisationFixture(JdbcTemplate jdbc, AdminAccounts admins) {
        this.jdbc = jdbc;
        this.admins = admins;
    }

    /** Deletes every organisation and all that belongs to one, so that a test starts from none. */
    public void deleteAllOrganisations() {
        TestPostgres.deleteAllOrganisations(jdbc);
    }

    /** An organisation without a page. */
    public long organisation(String name) {
        return jdbc.queryForObject("insert into organisations (name) values (?) returning id", Long.class, name);
    }

    /** An organisation with one page, named as the organisation. */
    public long organisation(String name, String facebookPageId) {
        long id = organisation(name);
        jdbc.update(
                "insert into pages (organisation_id, facebook_page_id, name) values (?, ?, ?)",
                id,
                facebookPageId,
                name);
        return id;
    }

    /** The id of the organisation's page (its first, where it has more). */
    public long page(long organisationId) {
        return jdbc.queryForObject(
                "select id from pages where organisation_id = ? order by id limit 1", Long.class, organisationId);
    }

    /** An admin with this role; returns the admin id. */
    public long admin(long organisationId, String email, String password, String role) {
        return admins.createOrUpdate(organisationId, email, password, role);
    }

    /** A comment with sentiment and offense verdicts; returns the message id. */
    public long message(
            long organisationId,
            String externalId,
            String authorId,
            String authorName,
            String text,
            Instant createdAt,
            String sentiment) {
        long page = page(organisationId);
        long id = jdbc.queryForObject(
                """
                insert into messages (organisation_id, page_id, external_id, kind, author_id, author_name, text,
                                      created_at, received_at)
                values (?, ?, ?, 'COMMENT', ?, ?, ?, ?, ?) returning id
                """,
                Long.class,
                organisationId,
                page,
                externalId,
                authorId,
                authorName,
                text,
                Timestamp.from(createdAt),
                Timestamp.from(createdAt));
        float positive = "positive".equals(sentiment) ? 0.9f : 0.1f;
        jdbc.update(
                """
                insert into classifications (message_id, analyzer, model_version, label, score, scores)
                values (?, 'sentiment', 1, ?, ?, ?::real[]), (?, 'offense', 1, 'neither', 0.8, '{0.05,0.15,0.8}')
                """, id, sentiment, Math.max(positive, 1 - positive), "{" + (1 - positive) + "," + positive + "}", id);
        return id;
    }

    /** A volunteer with an interest in the given message; returns the volunteer id. */
    public long volunteer(long organisationId, String facebookUserId, String name, long messageId, Instant at) {
        long id = jdbc.queryForObject("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at) values (?, ?, ?, ?)
                on conflict (organisation_id, facebook_user_id) do update set name = excluded.name returning id
                """, Long.class, organisationId, facebookUserId, name, Timestamp.from(at));
        jdbc.update("""
                insert into interests (organisation_id, volunteer_id, message_id, score, created_at) values (?, ?, ?, 0.9, ?)
                """, organisationId, id, messageId, Timestamp.from(at));
        return id;
    }

    public long chatSession(long organisationId, long adminId, String title) {
        long id = jdbc.queryForObject("""
                insert into chat_sessions (organisation_id, title, created_by) values (?, ?, ?) returning id
                """, Long.class, organisationId, title, adminId);
        jdbc.update("insert into chat_members (session_id, admin_id) values (?, ?)", id, adminId);
        return id;
    }
}
