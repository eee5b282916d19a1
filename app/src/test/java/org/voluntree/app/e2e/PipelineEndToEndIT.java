package org.voluntree.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.testing.WebhookClient;

/**
 * The whole system in one process with every role, on real Redis and PostgreSQL and the bundled
 * TensorFlow model: Facebook posts signed webhooks over HTTP, admins watch over authenticated
 * WebSockets, and the rows land in PostgreSQL.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"voluntree.gear.max-wait=20ms", "voluntree.writer.max-wait=20ms"})
@Import(OrganisationFixture.class)
@DirtiesContext
class PipelineEndToEndIT {

    private static final String PAGE_A = "100000000000101";
    private static final String PAGE_B = "100000000000202";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers,gear,scheduler");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    long organisationB;
    WebhookClient facebook;
    AdminSession adminA;
    AdminSession adminB;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        long orgA = fixture.organisation("Riverside Food Bank", PAGE_A);
        long orgB = fixture.organisation("Hillside Animal Shelter", PAGE_B);
        organisationB = orgB;
        fixture.admin(orgA, "ana@riverside.example", "correct horse A", "owner");
        fixture.admin(orgB, "bo@hillside.example", "correct horse B", "owner");
        facebook = new WebhookClient(port, TestServers.APP_SECRET);
        adminA = new AdminSession(port);
        adminB = new AdminSession(port);
    }

    @AfterEach
    void tearDown() {
        adminA.close();
        adminB.close();
    }

    @Test
    void aSignedCommentBecomesAStoredClassifiedMessageAndALiveEventForItsOrganisationOnly() throws Exception {
        assertThat(adminA.logIn("ana@riverside.example", "correct horse A")).isEqualTo(302);
        assertThat(adminB.logIn("bo@hillside.example", "correct horse B")).isEqualTo(302);
        adminA.connect();
        adminB.connect();

        byte[] volunteer = FacebookPayloads.comments(
                PAGE_A, List.of(new Comment("a_1", "9001", "Maya Cruz", "Count me in for Saturday!")));
        for (int delivery = 0; delivery < 3; delivery++) {
            // Facebook retries a delivery it thinks failed: the same body, three times
            assertThat(facebook.postSigned(volunteer).statusCode()).isEqualTo(200);
        }
        facebook.postSigned(FacebookPayloads.message(PAGE_A, "PSID-77", "m_a_2", "what should I bring on sunday?"));

        // besides the two classified messages, the replies' outcomes arrive too (reply.changed)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(adminA.received())
                    .anySatisfy(event -> assertThat(event)
                            .contains("\"externalId\":\"a_1\"")
                            .contains("\"authorName\":\"Maya Cruz\"")
                            .contains("\"intent\":{\"label\":\"volunteer\""));
            assertThat(adminA.received())
                    .anySatisfy(event -> assertThat(event)
                            .contains("\"externalId\":\"m_a_2\"")
                            .contains("\"kind\":\"MESSAGE\""));
        });

        // B's first event is B's own: A's never reached B's session
        facebook.postSigned(FacebookPayloads.comments(
                PAGE_B, List.of(new Comment("b_1", "9100", "Sam Lee", "thank you for all you do for the dogs ❤️"))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(adminB.received())
                        .anySatisfy(event -> assertThat(event)
                                .contains("\"type\":\"message.classified\"")
                                .contains("\"externalId\":\"b_1\"")));
        assertThat(adminB.received())
                .allSatisfy(event -> assertThat(event)
                        .contains("\"organisationId\":" + organisationB + ",")
                        .doesNotContain("a_1")
                        .doesNotContain("m_a_2"));

        // the API, too, shows each admin only their own organisation's messages
        assertThat(adminA.get("/api/messages").body())
                .contains("\"externalId\":\"a_1\"")
                .doesNotContain("b_1");
        assertThat(adminB.get("/api/messages").body())
                .contains("\"externalId\":\"b_1\"")
                .doesNotContain("a_1");

        Map<String, Object> row = jdbc.queryForMap("""
                select m.text, o.name as organisation, c.label, c.score
                  from messages m
                  join organisations o on o.id = m.organisation_id
                  join classifications c on c.message_id = m.id and c.analyzer = 'intent'
                 where m.external_id = 'a_1'
                """);
        assertThat(row)
                .containsEntry("text", "Count me in for Saturday!")
                .containsEntry("organisation", "Riverside Food Bank")
                .containsEntry("label", "volunteer");
        assertThat(jdbc.queryForObject("select count(*) from messages where external_id = 'a_1'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select v.name from volunteers v join interests i on i.volunteer_id = v.id
                """, String.class)).containsExactly("Maya Cruz");
    }

    @Test
    void aCommentCarryingANulCharacterIsStoredWithoutItAndDoesNotHoldUpTheOthers() {
        // PostgreSQL cannot store U+0000: before it was dropped at intake, such a comment failed the
        // writer's batch and took the comments stored with it to the dead letters
        facebook.postSigned(FacebookPayloads.comments(
                PAGE_A,
                List.of(
                        new Comment("nul_1", "9201", "Ana", "I can help on Saturday"),
                        new Comment("nul_2", "9202", "Bo\u0000b", "count me in \u0000 too"),
                        new Comment("nul_3", "9203", "Cy", "what time does it start?"))));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from messages m join classifications c on c.message_id = m.id"
                                        + " and c.analyzer = 'intent' where m.external_id like 'nul_%'",
                                Integer.class),
                        count -> count == 3);
        assertThat(jdbc.queryForMap("select text, author_name from messages where external_id = 'nul_2'"))
                .containsEntry("text", "count me in  too")
                .containsEntry("author_name", "Bob");
    }

    @Test
    void aWebSocketWithoutASessionIsRefused() {
        AdminSession stranger = new AdminSession(port);

        assertThatThrownBy(stranger::connect).rootCause().hasMessageContaining("401");
    }

    @Test
    void theApiRefusesCallersWithoutASession() {
        assertThat(new AdminSession(port).get("/api/messages").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordGetsNoSession() {
        assertThat(adminA.logIn("ana@riverside.example", "wrong")).isEqualTo(401);
        assertThatThrownBy(adminA::connect).rootCause().hasMessageContaining("401");
    }

    @Test
    void readinessReportsRedisAndPostgres() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
