package org.voluntree.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.TestPostgres;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.testing.WebhookClient;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.testing.TestRedis;

/**
 * Two web nodes behind a load balancer: an admin connected to either receives every event of
 * their organisation, whichever node took the webhook, because each node relays Redis pub/sub.
 * The packaged jar runs as two processes sharing only Redis and PostgreSQL.
 */
class TwoWebNodesIT {

    private static final String SECRET = "two-nodes-secret";
    private static final String PAGE = "100000000000404";

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void anAdminOnEitherNodeReceivesAnEventThatArrivedThroughTheOther() throws Exception {
        TestRedis.flush();
        int first = LocalRedisServer.freePort();
        int second = LocalRedisServer.freePort();
        start("web,workers,gear,scheduler", first);
        start("web", second);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> ready(first) && ready(second));
        JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.server().getPostgresDatabase());
        jdbc.update("truncate organisations cascade");
        long org = jdbc.queryForObject("insert into organisations (name) values ('Two Nodes') returning id", Long.class);
        jdbc.update("insert into pages (organisation_id, facebook_page_id, name) values (?, ?, 'P')", org, PAGE);
        jdbc.update("insert into admins (organisation_id, email, password_hash, role) values (?, ?, ?, 'owner')", org,
                "admin@two.example", PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("two-nodes-pw"));

        try (AdminSession onFirst = new AdminSession(first); AdminSession onSecond = new AdminSession(second)) {
            assertThat(onFirst.logIn("admin@two.example", "two-nodes-pw")).isEqualTo(302);
            assertThat(onSecond.logIn("admin@two.example", "two-nodes-pw")).isEqualTo(302);
            onFirst.connect();
            onSecond.connect();

            // the load balancer sent this delivery to the second node, which runs no workers at all
            new WebhookClient(second, SECRET).postSigned(FacebookPayloads.comments(PAGE,
                    List.of(new Comment("two_1", "77", "Noor", "I can help on Saturday"))));

            await().atMost(Duration.ofSeconds(90)).until(() ->
                    onFirst.received().stream().anyMatch(e -> e.contains("\"externalId\":\"two_1\""))
                    && onSecond.received().stream().anyMatch(e -> e.contains("\"externalId\":\"two_1\"")));
        }
    }

    private void start(String roles, int port) throws IOException {
        Path jar = Path.of(System.getProperty("voluntree.app.jar"));
        Path log = Files.createDirectories(Path.of("target", "two-web-nodes")).resolve(port + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir",
                        Path.of(System.getProperty("user.home"), ".cache", "voluntree", "javacpp").toString()),
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("VOLUNTREE_ROLES", roles);
        env.put("VOLUNTREE_PORT", Integer.toString(port));
        env.put("VOLUNTREE_REDIS_URL", TestRedis.uri());
        env.put("VOLUNTREE_DATABASE_URL", TestPostgres.jdbcUrl());
        env.put("VOLUNTREE_DATABASE_USER", "postgres");
        env.put("VOLUNTREE_WEBHOOK_APP_SECRET", SECRET);
        env.put("VOLUNTREE_WEBHOOK_VERIFY_TOKEN", "two-nodes-token");
        env.put("VOLUNTREE_FACEBOOK_APP_ID", TestServers.APP_ID);
        env.put("VOLUNTREE_PAGES_TOKEN_KEY", TestServers.TOKEN_KEY);
        env.put("VOLUNTREE_GEAR_MAX_WAIT", "20ms");
        env.put("VOLUNTREE_WRITER_MAX_WAIT", "20ms");
        env.put("TF_CPP_MIN_LOG_LEVEL", "2");
        processes.add(builder.start());
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
