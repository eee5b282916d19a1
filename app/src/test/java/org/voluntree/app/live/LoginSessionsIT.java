package org.voluntree.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * A login that ends takes its live sockets with it: a session expired in Redis, an API token revoked
 * (logout across nodes: TwoWebNodesIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class LoginSessionsIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    EndedSessions endedSessions;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Sessions");
        fixture.admin(org, "ana@sessions.example", "correct horse battery", "admin");
    }

    @Test
    void aSocketWhoseLoginExpiredIsClosedAndTheOthersStay() throws Exception {
        try (AdminSession expiring = new AdminSession(port);
                AdminSession staying = new AdminSession(port)) {
            assertThat(expiring.logIn("ana@sessions.example", "correct horse battery"))
                    .isEqualTo(302);
            assertThat(staying.logIn("ana@sessions.example", "correct horse battery"))
                    .isEqualTo(302);
            expiring.connect();
            staying.connect();
            // Spring Session's cookie carries the session id in base64
            String sessionOfExpiring =
                    new String(Base64.getDecoder().decode(expiring.cookie("SESSION")), StandardCharsets.US_ASCII);

            // Redis lets the session expire (here: at once)
            try (var redis = TestRedis.client().connect()) {
                assertThat(redis.sync().del(RedisNames.SESSION_NAMESPACE + ":sessions:" + sessionOfExpiring))
                        .isEqualTo(1);
            }
            endedSessions.closeExpired();

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(expiring.closedBecause()).contains("session expired"));
            assertThat(expiring.get("/api/me").statusCode()).isEqualTo(401);
            assertThat(staying.closedBecause()).isNull();
            assertThat(staying.get("/api/me").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSocketOpenedWithAnApiTokenClosesOnceTheTokenIsRevoked() throws Exception {
        ApiClient ana = ApiClient.logIn(port, "ana@sessions.example", "correct horse battery");
        var tokens = ana.get("/api/auth/tokens");
        assertThat(tokens.headers().firstValue("Set-Cookie"))
                .as("a token call leaves no session behind")
                .isEmpty();
        long tokenId = ApiClient.json(tokens).get(0).path("id").asLong();
        AtomicReference<String> closedBecause = new AtomicReference<>();
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Authorization", "Bearer " + ana.token())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/events"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closedBecause.set(statusCode + " " + reason);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        try {
            endedSessions.closeExpired();
            assertThat(closedBecause.get()).as("a valid token keeps its socket").isNull();

            assertThat(ana.delete("/api/auth/tokens/" + tokenId).statusCode()).isIn(200, 204);
            endedSessions.closeExpired();

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(closedBecause.get()).contains("token revoked or expired"));
        } finally {
            socket.abort();
        }
    }
}
