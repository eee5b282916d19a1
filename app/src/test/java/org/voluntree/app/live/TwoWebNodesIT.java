package org.voluntree.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.AppProcesses;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.TestPostgres;
import org.voluntree.app.testing.WebhookClient;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * Two web nodes behind a load balancer: an admin connected to either receives every event of
 * their organisation, whichever node took the webhook, because each node relays Redis pub/sub.
 * The packaged jar runs as two processes sharing only Redis and PostgreSQL.
 */
class TwoWebNodesIT {

    private static final String SECRET = "two-nodes-secret";
    private static final String PAGE = "100000000000404";

    private final AppProcesses processes = new AppProcesses(SECRET);

    @AfterEach
    void stop() {
        processes.close();
    }

    @Test
    void anAdminOnEitherNodeReceivesAnEventThatArrivedThroughTheOther() throws Exception {
        TestRedis.flush();
        int first = LocalRedisServer.freePort();
        int second = LocalRedisServer.freePort();
        processes.start("web,workers,gear,scheduler", first, Map.of());
        processes.start("web", second, Map.of());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> AppProcesses.ready(first) && AppProcesses.ready(second));
        JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.server().getPostgresDatabase());
        TestPostgres.deleteAllOrganisations(jdbc);
        long org =
                jdbc.queryForObject("insert into organisations (name) values ('Two Nodes') returning id", Long.class);
        jdbc.update("insert into pages (organisation_id, facebook_page_id, name) values (?, ?, 'P')", org, PAGE);
        jdbc.update(
                "insert into admins (organisation_id, email, password_hash, role) values (?, ?, ?, 'owner')",
                org,
                "admin@two.example",
                PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("two-nodes-pw"));

        try (AdminSession onFirst = new AdminSession(first);
                AdminSession onSecond = new AdminSession(second)) {
            assertThat(onFirst.logIn("admin@two.example", "two-nodes-pw")).isEqualTo(302);
            assertThat(onSecond.logIn("admin@two.example", "two-nodes-pw")).isEqualTo(302);
            onFirst.connect();
            onSecond.connect();

            // the load balancer sent this delivery to the second node, which runs no workers at all
            new WebhookClient(second, SECRET)
                    .postSigned(FacebookPayloads.comments(
                            PAGE, List.of(new Comment("two_1", "77", "Noor", "I can help on Saturday"))));

            await().atMost(Duration.ofSeconds(90))
                    .until(() -> onFirst.received().stream().anyMatch(e -> e.contains("\"externalId\":\"two_1\""))
                            && onSecond.received().stream().anyMatch(e -> e.contains("\"externalId\":\"two_1\"")));

            // one login serves on any node (sessions live in Redis), and logging out on one node
            // closes that login's live sockets on every node
            try (AdminSession sameLoginOnSecond = onFirst.on(second)) {
                assertThat(sameLoginOnSecond.get("/api/me").statusCode()).isEqualTo(200);
                sameLoginOnSecond.connect();
                try (var redis = TestRedis.client().connect()) {
                    assertThat(redis.sync().keys(RedisNames.SESSION_NAMESPACE + ":sessions:*"))
                            .isNotEmpty();
                }
                String csrf = Json.MAPPER
                        .readTree(onFirst.get("/api/me").body())
                        .path("csrfToken")
                        .asString();

                assertThat(onFirst.post("/logout", "_csrf=" + csrf).statusCode())
                        .as("logged out")
                        .isIn(204, 302);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(sameLoginOnSecond.closedBecause()).contains("logged out");
                    assertThat(onFirst.closedBecause()).contains("logged out");
                });
                assertThat(sameLoginOnSecond.get("/api/me").statusCode()).isEqualTo(401);
                assertThat(onSecond.closedBecause())
                        .as("another login of the same admin stays")
                        .isNull();
            }
        }
    }
}
