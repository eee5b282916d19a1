package org.voluntree.app.demo;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.voluntree.app.account.AdminAccounts;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.sandbox.SandboxPages;

/**
 * Seeds the demo organisation, its Facebook page and its owner (idempotently), then says where
 * to look. Runs only when {@code voluntree.demo.enabled} is true, which the embedded defaults set.
 */
@Component
@ConditionalOnProperty(name = "voluntree.demo.enabled", havingValue = "true")
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final JdbcTemplate jdbc;
    private final AdminAccounts admins;
    private final DemoProperties demo;
    private final Environment environment;
    private final ObjectProvider<SandboxPages> sandbox;
    private final ObjectProvider<PageTokens> pageTokens;

    DemoSeeder(
            JdbcTemplate jdbc,
            AdminAccounts admins,
            DemoProperties demo,
            Environment environment,
            ObjectProvider<SandboxPages> sandbox,
            ObjectProvider<PageTokens> pageTokens) {
        this.jdbc = jdbc;
        this.admins = admins;
        this.demo = demo;
        this.environment = environment;
        this.sandbox = sandbox;
        this.pageTokens = pageTokens;
    }

    /** On the embedded defaults the demo page lives in the Facebook sandbox: store its token like a connected page's. */
    private void connectSandboxPage(long organisationId) {
        SandboxPages pages = sandbox.getIfAvailable();
        PageTokens tokens = pageTokens.getIfAvailable();
        if (pages == null || tokens == null || !demo.pageId().equals(pages.demoPageId())) {
            return;
        }
        tokens.store(organisationId, demo.pageId(), demo.pageName(), pages.demoPageToken(), true);
        List<Long> created = jdbc.queryForList("""
                insert into signups (organisation_id, title, description, facts)
                select ?, 'Saturday food sort', 'Help us sort donations for 300 families.',
                       '{"location": "Riverside Food Bank, 12 Mill Lane", "bring": "Closed shoes and a water bottle"}'::jsonb
                 where not exists (select 1 from signups where organisation_id = ?)
                returning id
                """, Long.class, organisationId, organisationId);
        if (!created.isEmpty()) {
            // the next Saturday at least two days away, as the title says (times in UTC)
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate saturday = today.plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            Instant day = saturday.atStartOfDay(ZoneOffset.UTC).toInstant();
            jdbc.update(
                    """
                    insert into signup_slots (signup_id, starts_at, ends_at, label, required)
                    values (?, ?, ?, 'morning sort', 6), (?, ?, ?, 'afternoon packing', 4)
                    """,
                    created.get(0),
                    Timestamp.from(day.plus(9, ChronoUnit.HOURS)),
                    Timestamp.from(day.plus(12, ChronoUnit.HOURS)),
                    created.get(0),
                    Timestamp.from(day.plus(13, ChronoUnit.HOURS)),
                    Timestamp.from(day.plus(16, ChronoUnit.HOURS)));
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Long organisationId = jdbc.query(
                "select organisation_id from pages where facebook_page_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null,
                demo.pageId());
        if (organisationId == null) {
            organisationId = jdbc.queryForObject(
                    "insert into organisations (name) values (?) returning id", Long.class, demo.organisation());
            jdbc.update(
                    "insert into pages (organisation_id, facebook_page_id, name) values (?, ?, ?)",
                    organisationId,
                    demo.pageId(),
                    demo.pageName());
            admins.createOrUpdate(organisationId, demo.adminEmail(), demo.adminPassword(), "owner");
            log.info("Seeded the demo organisation '{}' with page {}", demo.organisation(), demo.pageId());
        }
        connectSandboxPage(organisationId);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""

                ==============================================================
                 Voluntree is running on its embedded defaults.
                   Dashboard : http://localhost:{}/   (log in as {}, password in the README)
                   Webhook   : http://localhost:{}/webhooks/facebook
                   Health    : http://localhost:{}/actuator/health/readiness
                   Demo page : {} (id {})
                ==============================================================""", port, demo.adminEmail(), port, port, demo.pageName(), demo.pageId());
    }
}
