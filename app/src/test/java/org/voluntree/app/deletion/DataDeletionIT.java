package org.voluntree.app.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/** Facebook's data deletion callback, signed as Facebook signs it, against real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class DataDeletionIT {

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
        fixture.deleteAllOrganisations();
        jdbc.update("truncate data_deletions");
        long org = fixture.organisation("Shelter", "777");
        long page = fixture.page(org);
        for (String person : new String[] {"gone-1", "stays-2"}) {
            jdbc.update("""
                    insert into messages (organisation_id, page_id, external_id, kind, author_id, author_name, text,
                                          created_at, received_at)
                    values (?, ?, ?, 'COMMENT', ?, 'Someone', 'count me in', now(), now())
                    """, org, page, "c-" + person, person);
            jdbc.update("""
                    insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                    values (?, ?, 'Someone', now())
                    """, org, person);
        }
        jdbc.update("insert into opt_outs (organisation_id, facebook_user_id) values (?, 'gone-1')", org);
    }

    @Test
    void erasesThePersonAndAnswersACodeWithAStatusUrl() throws Exception {
        HttpResponse<String> response = post(SignedRequest.forUser("gone-1", TestServers.APP_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        String code = body.path("confirmation_code").asString();
        assertThat(code).isNotBlank();
        assertThat(body.path("url").asString()).endsWith("/webhooks/facebook/data-deletion/" + code);
        assertThat(jdbc.queryForList("select author_id from messages", String.class))
                .containsExactly("stays-2");
        assertThat(jdbc.queryForList("select facebook_user_id from volunteers", String.class))
                .containsExactly("stays-2");
        assertThat(jdbc.queryForObject("select count(*) from opt_outs", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from data_deletions where user_hash like '%gone-1%'", Integer.class))
                .as("the id is kept only as a hash")
                .isZero();

        HttpResponse<String> status = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(body.path("url").asString()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"completed\"").contains("\"messagesDeleted\":1");
    }

    @Test
    void refusesARequestNotSignedWithTheAppSecretAndDeletesNothing() throws Exception {
        HttpResponse<String> forged = post(SignedRequest.forUser("gone-1", "another-secret"));
        HttpResponse<String> garbage = post("not-a-signed-request");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("signature does not match");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from messages", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from volunteers", Integer.class))
                .isEqualTo(2);
    }

    private HttpResponse<String> post(String signedRequest) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/webhooks/facebook/data-deletion"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
