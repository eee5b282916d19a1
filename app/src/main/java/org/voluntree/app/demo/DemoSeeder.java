package org.voluntree.app.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.voluntree.app.account.AdminAccounts;

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

    DemoSeeder(JdbcTemplate jdbc, AdminAccounts admins, DemoProperties demo, Environment environment) {
        this.jdbc = jdbc;
        this.admins = admins;
        this.demo = demo;
        this.environment = environment;
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
