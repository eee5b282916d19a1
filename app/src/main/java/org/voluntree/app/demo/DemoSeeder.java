package org.voluntree.app.demo;

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

    DemoSeeder(JdbcTemplate jdbc, AdminAccounts admins, DemoProperties demo, Environment environment,
            ObjectProvider<SandboxPages> sandbox, ObjectProvider<PageTokens> pageTokens) {
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
        jdbc.update("""
                insert into signups (organisation_id, title, description, facts)
                select ?, 'Saturday food sort', 'Help us sort donations for 300 families.',
                       '{"location": "Riverside Food Bank, 12 Mill Lane", "bring": "Closed shoes and a water bottle"}'::jsonb
                 where not exists (select 1 from signups where organisation_id = ?)
                """, organisationId, organisationId);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Long organisationId = jdbc.query("select organisation_id from pages where facebook_page_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, demo.pageId());
        if (organisationId == null) {
            organisationId = jdbc.queryForObject("insert into organisations (name) values (?) returning id",
                    Long.class, demo.organisation());
            jdbc.update("insert into pages (organisation_id, facebook_page_id, name) values (?, ?, ?)",
                    organisationId, demo.pageId(), demo.pageName());
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
                ==============================================================""",
                port, demo.adminEmail(), port, port, demo.pageName(), demo.pageId());
    }
}
