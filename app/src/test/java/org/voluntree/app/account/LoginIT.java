package org.voluntree.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.testing.TestRedis;

/** Token login, token use and revocation, form login and logout, and login throttling kept in Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class LoginIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Login");
        fixture.admin(org, "ana@login.example", "correct horse battery", "admin");
        fixture.admin(org, "bo@login.example", "another good password", "viewer");
    }

    @Test
    void aTokenIsShownOnceStoredHashedUsableAndRevocable() {
        HttpResponse<String> created = ApiClient.anonymous(port)
                .post(
                        "/api/auth/tokens",
                        "{\"email\":\"ANA@login.example\",\"password\":\"correct horse battery\",\"name\":\"laptop\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        String token = ApiClient.json(created).path("token").asString();
        long id = ApiClient.json(created).path("id").asLong();
        assertThat(token).startsWith("vt_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("select count(*) from api_tokens where token_hash = ?", Integer.class, (Object)
                        token.getBytes()))
                .as("the token itself is not stored")
                .isZero();
        assertThat(jdbc.queryForObject("select length(token_hash) from api_tokens where id = ?", Integer.class, id))
                .isEqualTo(32);

        ApiClient ana = new ApiClient(port, token);
        assertThat(ApiClient.json(ana.get("/api/me")).path("email").asString()).isEqualTo("ana@login.example");
        HttpResponse<String> listed = ana.get("/api/auth/tokens");
        assertThat(listed.body())
                .contains("laptop")
                .contains(token.substring(0, 9))
                .doesNotContain(token);

        assertThat(ana.delete("/api/auth/tokens/" + id).statusCode()).isEqualTo(204);
        assertThat(ana.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void oneAdminCannotRevokeAnothersToken() {
        ApiClient ana = ApiClient.logIn(port, "ana@login.example", "correct horse battery");
        ApiClient bo = ApiClient.logIn(port, "bo@login.example", "another good password");
        long anasToken =
                ApiClient.json(ana.get("/api/auth/tokens")).get(0).path("id").asLong();

        assertThat(bo.delete("/api/auth/tokens/" + anasToken).statusCode()).isEqualTo(404);
        assertThat(ana.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(bo.get("/api/auth/tokens").body()).doesNotContain("\"id\":" + anasToken + ",");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        HttpResponse<String> response = ApiClient.anonymous(port)
                .post("/api/auth/tokens", "{\"email\":\"ana@login.example\",\"password\":\"wrong\"}");
        HttpResponse<String> unknown = ApiClient.anonymous(port)
                .post("/api/auth/tokens", "{\"email\":\"nobody@login.example\",\"password\":\"wrong\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(response.body());
        assertThat(jdbc.queryForObject("select count(*) from api_tokens", Integer.class))
                .isZero();
    }

    @Test
    void fiveFailuresBlockThatEmailFromThatAddressForEveryLoginInRedis() {
        for (int i = 0; i < 5; i++) {
            assertThat(ApiClient.anonymous(port)
                            .post(
                                    "/api/auth/tokens",
                                    "{\"email\":\"ana@login.example\",\"password\":\"guess " + i + "\"}")
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> blocked = ApiClient.anonymous(port)
                .post("/api/auth/tokens", "{\"email\":\"ana@login.example\",\"password\":\"correct horse battery\"}");
        assertThat(blocked.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(new AdminSession(port).logIn("ana@login.example", "correct horse battery"))
                .as("the login form is blocked too")
                .isEqualTo(429);
        assertThat(basic("ana@login.example", "correct horse battery"))
                .as("and HTTP Basic")
                .isEqualTo(429);
        assertThat(ApiClient.anonymous(port)
                        .post(
                                "/api/auth/tokens",
                                "{\"email\":\"bo@login.example\",\"password\":\"another good password\"}")
                        .statusCode())
                .as("another e-mail is not")
                .isEqualTo(201);

        // the count lives in Redis, where every web node sees it, and expires with the window
        try (StatefulRedisConnection<String, String> redis = TestRedis.client().connect()) {
            List<String> keys = redis.sync().keys("login:failures:*");
            assertThat(keys).hasSize(1);
            assertThat(redis.sync().get(keys.get(0))).isEqualTo("5");
            assertThat(redis.sync().pttl(keys.get(0))).isBetween(1L, 15 * 60_000L);
            redis.sync().del(keys.get(0));
        }
        assertThat(ApiClient.anonymous(port)
                        .post(
                                "/api/auth/tokens",
                                "{\"email\":\"ana@login.example\",\"password\":\"correct horse battery\"}")
                        .statusCode())
                .as("once the window is over")
                .isEqualTo(201);
    }

    @Test
    void formLoginFailuresCountAndASuccessResetsThem() {
        AdminSession browser = new AdminSession(port);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.logIn("ana@login.example", "nope")).isEqualTo(401);
        }
        assertThat(browser.logIn("ana@login.example", "correct horse battery")).isEqualTo(302);
        try (StatefulRedisConnection<String, String> redis = TestRedis.client().connect()) {
            assertThat(redis.sync().keys("login:failures:*")).isEmpty();
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        AdminSession browser = new AdminSession(port);
        assertThat(browser.logIn("ana@login.example", "correct horse battery")).isEqualTo(302);
        String csrf = ApiClient.json(browser.get("/api/me")).path("csrfToken").asString();

        assertThat(browser.post("/logout", "_csrf=" + csrf).statusCode()).isIn(204, 302);

        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionMustSendItsCsrfTokenToWrite() {
        AdminSession browser = new AdminSession(port);
        assertThat(browser.logIn("ana@login.example", "correct horse battery")).isEqualTo(302);

        HttpResponse<String> forged = browser.postJson("/api/chat/sessions", "{\"title\":\"forged\"}", null);
        String csrf = ApiClient.json(browser.get("/api/me")).path("csrfToken").asString();
        HttpResponse<String> genuine = browser.postJson("/api/chat/sessions", "{\"title\":\"genuine\"}", csrf);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(genuine.statusCode()).isEqualTo(201);
    }

    private int basic(String email, String password) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + java.util.Base64.getEncoder()
                                                            .encodeToString((email + ":" + password).getBytes()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
