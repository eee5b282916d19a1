package org.voluntree.app.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voluntree.app.testing.AppProcesses;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.TestPostgres;
import org.voluntree.app.testing.WebhookClient;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.testing.TestRedis;

/**
 * The production shape with plain processes: the packaged jar started twice, once as the web
 * role and once as workers, gear and scheduler, sharing only Redis and PostgreSQL, configured
 * only through environment variables.
 */
class RolesAsProcessesIT {

    private static final String SECRET = "process-test-secret";
    private static final String PAGE = "100000000000303";

    private final AppProcesses processes = new AppProcesses(SECRET);

    @AfterEach
    void stopProcesses() {
        processes.close();
    }

    @Test
    void aWebProcessAndABackendProcessTogetherTurnAWebhookIntoAClassifiedRow() throws Exception {
        TestRedis.flush();
        JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.server().getPostgresDatabase());
        int port = LocalRedisServer.freePort();
        processes.start("web", port, Map.of());
        processes.start("workers,gear,scheduler", LocalRedisServer.freePort(), Map.of());

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> AppProcesses.ready(port));
        TestPostgres.deleteAllOrganisations(jdbc);
        long org = jdbc.queryForObject(
                "insert into organisations (name) values ('Process Test') returning id", Long.class);
        jdbc.update("insert into pages (organisation_id, facebook_page_id, name) values (?, ?, 'P')", org, PAGE);

        HttpResponse<String> response = new WebhookClient(port, SECRET)
                .postSigned(FacebookPayloads.comments(
                        PAGE, List.of(new Comment("p_1", "42", "Ike", "sign me up for the sunday shift please"))));
        assertThat(response.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !jdbc.queryForList("""
                select c.label from classifications c join messages m on m.id = c.message_id
                 where m.external_id = 'p_1' and c.analyzer = 'intent'
                """, String.class).isEmpty());
        assertThat(jdbc.queryForObject("select count(*) from messages where external_id = 'p_1'", Integer.class))
                .isEqualTo(1);
    }
}
