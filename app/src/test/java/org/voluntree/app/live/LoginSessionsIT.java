package org.voluntree.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.account.AdminAccounts;
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/** A login session that ends in Redis takes its live sockets with it (logout across nodes: TwoWebNodesIT). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LoginSessionsIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdminAccounts admins;

    @Autowired
    EndedSessions endedSessions;

    int port;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        jdbc.update("truncate organisations cascade");
        long org = jdbc.queryForObject("insert into organisations (name) values ('Sessions') returning id", Long.class);
        admins.createOrUpdate(org, "ana@sessions.example", "correct horse battery", "admin");
        port = Integer.parseInt(environment.getProperty("local.server.port"));
    }

    @Test
    void aSocketWhoseLoginExpiredIsClosedAndTheOthersStay() throws Exception {
        try (AdminSession expiring = new AdminSession(port); AdminSession staying = new AdminSession(port)) {
            assertThat(expiring.logIn("ana@sessions.example", "correct horse battery")).isEqualTo(302);
            assertThat(staying.logIn("ana@sessions.example", "correct horse battery")).isEqualTo(302);
            expiring.connect();
            staying.connect();
            // Spring Session's cookie carries the session id in base64
            String sessionOfExpiring = new String(Base64.getDecoder().decode(expiring.cookie("SESSION")),
                    StandardCharsets.US_ASCII);

            // Redis lets the session expire (here: at once)
            try (var redis = TestRedis.client().connect()) {
                assertThat(redis.sync().del(RedisNames.SESSION_NAMESPACE + ":sessions:" + sessionOfExpiring))
                        .isEqualTo(1);
            }
            endedSessions.closeExpired();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(expiring.closedBecause()).contains("session expired"));
            assertThat(expiring.get("/api/me").statusCode()).isEqualTo(401);
            assertThat(staying.closedBecause()).isNull();
            assertThat(staying.get("/api/me").statusCode()).isEqualTo(200);
        }
    }
}
