package org.voluntree.app.roles;

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
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.TestPostgres;
import org.voluntree.app.testing.TestServers;
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

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aWebProcessAndABackendProcessTogetherTurnAWebhookIntoAClassifiedRow() throws Exception {
        TestRedis.flush();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        int port = LocalRedisServer.freePort();
        start("web", port);
        start("workers,gear,scheduler", LocalRedisServer.freePort());

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> isReady(port));
        jdbc.update("truncate organisations cascade");
        long org = jdbc.queryForObject("insert into organisations (name) values ('Process Test') returning id",
                Long.class);
        jdbc.update("insert into pages (organisation_id, facebook_page_id, name) values (?, ?, 'P')", org, PAGE);

        HttpResponse<String> response = new WebhookClient(port, SECRET).postSigned(FacebookPayloads.comments(PAGE,
                List.of(new Comment("p_1", "42", "Ike", "sign me up for the sunday shift please"))));
        assertThat(response.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc.queryForList("""
                select c.label from classifications c join messages m on m.id = c.message_id
                 where m.external_id = 'p_1' and c.analyzer = 'intent'
                """, String.class).isEmpty());
        assertThat(jdbc.queryForObject("select count(*) from messages where external_id = 'p_1'", Integer.class))
                .isEqualTo(1);
    }

    private void start(String roles, int port) throws IOException {
        Path jar = Path.of(System.getProperty("voluntree.app.jar"));
        assertThat(jar).as("the packaged app; run through 'mvn verify'").exists();
        Path log = Files.createDirectories(Path.of("target", "role-processes"))
                .resolve(roles.replace(',', '-') + "-" + port + ".log");
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
        env.put("VOLUNTREE_WEBHOOK_VERIFY_TOKEN", "process-test-token");
        env.put("VOLUNTREE_FACEBOOK_APP_ID", TestServers.APP_ID);
        env.put("VOLUNTREE_PAGES_TOKEN_KEY", TestServers.TOKEN_KEY);
        env.put("VOLUNTREE_GEAR_MAX_WAIT", "20ms");
        env.put("TF_CPP_MIN_LOG_LEVEL", "2");
        processes.add(builder.start());
    }

    private static boolean isReady(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static DataSource dataSource() {
        return TestPostgres.server().getPostgresDatabase();
    }
}
