package org.voluntree.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.testing.WebhookClient;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisNames;
import tools.jackson.databind.JsonNode;

/**
 * Model versions over HTTP, on the whole running system: an owner activates a stored version and the
 * next comment through the signed webhook is classified by it; a rollback puts the earlier one back.
 * Refused requests change nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"voluntree.gear.max-wait=20ms", "voluntree.writer.max-wait=20ms"})
@Import(OrganisationFixture.class)
@DirtiesContext
class ModelVersionsApiIT {

    private static final String PAGE = "100000000000701";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers,gear,scheduler");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    @Autowired
    JdbcTemplate jdbc;

    static final AtomicInteger COMMENTS = new AtomicInteger();
    ModelRegistry registry;
    int original;
    ApiClient owner;
    ApiClient viewer;
    WebhookClient facebook;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Models", PAGE);
        fixture.admin(org, "owner@versions.example", "owner-password", "owner");
        fixture.admin(org, "viewer@versions.example", "viewer-password", "viewer");
        owner = ApiClient.basic(port, "owner@versions.example", "owner-password");
        viewer = ApiClient.basic(port, "viewer@versions.example", "viewer-password");
        facebook = new WebhookClient(port, TestServers.APP_SECRET);
        registry = new ModelRegistry(redis.sync());
        original = registry.activeVersion("intent").orElseThrow();
    }

    @AfterEach
    void restoreTheBundledModel() {
        if (registry.activeVersion("intent").orElseThrow() != original) {
            registry.activate("intent", original);
        }
    }

    @Test
    void anOwnerActivatesAStoredVersionAndThePipelineClassifiesWithItUntilRolledBack() {
        // the same graph stored again: a version that classifies like the active one, under another number
        int copy = registry.store(registry.artifact("intent", original));

        JsonNode listed = json(viewer.get("/api/models/intent/versions"));
        assertThat(listed.path("active").asInt()).isEqualTo(original);
        assertThat(listed.path("versions").get(0).path("version").asInt())
                .as("newest first")
                .isEqualTo(copy);
        assertThat(activeFlags(listed)).containsExactly(original);
        assertThat(listed.path("versions")
                        .get(0)
                        .path("metrics")
                        .path("test")
                        .path("macroF1")
                        .asDouble())
                .isGreaterThan(0.8);
        assertThat(listed.path("activationAllowed").asBoolean())
                .as("viewers read")
                .isFalse();
        assertThat(json(owner.get("/api/models/intent/versions"))
                        .path("activationAllowed")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> activated = owner.post("/api/models/intent/active", "{\"version\":" + copy + "}");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(json(activated).path("previous").asInt()).isEqualTo(original);
        assertThat(registry.activeVersion("intent")).contains(copy);
        awaitCommentsClassifiedBy(copy);

        assertThat(json(owner.get("/api/models/intent/versions"))
                        .path("rollbackTo")
                        .asInt())
                .isEqualTo(original);
        HttpResponse<String> rolledBack = owner.post("/api/models/intent/rollback", "{}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(json(rolledBack).path("active").asInt()).isEqualTo(original);
        awaitCommentsClassifiedBy(original);

        HttpResponse<String> deleteRolledBack = owner.delete("/api/models/intent/versions/" + copy);
        assertThat(deleteRolledBack.statusCode())
                .as("comments were featurised for it: it is kept")
                .isEqualTo(409);
        assertThat(json(deleteRolledBack).path("reason").asString()).contains("has been active");
        assertThat(registry.versions("intent")).contains(copy);
    }

    @Test
    void onceSeveralOrganisationsShareTheModelsTheirOwnersNoLongerSwitchThem() {
        int copy = registry.store(registry.artifact("intent", original));
        fixture.organisation("Hillside Animal Shelter");

        assertThat(json(owner.get("/api/models/intent/versions"))
                        .path("activationAllowed")
                        .asBoolean())
                .isFalse();
        HttpResponse<String> refused = owner.post("/api/models/intent/active", "{\"version\":" + copy + "}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("reason").asString())
                .contains("serves several organisations", "model-tools activate");
        assertThat(owner.delete("/api/models/intent/versions/" + copy).statusCode())
                .isEqualTo(403);
        assertThat(registry.activeVersion("intent")).contains(original);
        assertThat(registry.versions("intent")).contains(copy);
    }

    @Test
    void anOwnerDeletesAVersionThatWasNeverActivated() {
        int copy = registry.store(registry.artifact("intent", original));
        JsonNode listed = json(owner.get("/api/models/intent/versions"));
        assertThat(listed.path("versions").get(0).path("deletable").asBoolean()).isTrue();
        assertThat(listed.path("versions").get(0).path("version").asInt()).isEqualTo(copy);

        assertThat(viewer.delete("/api/models/intent/versions/" + copy).statusCode())
                .isEqualTo(403);
        HttpResponse<String> active = owner.delete("/api/models/intent/versions/" + original);
        assertThat(active.statusCode()).isEqualTo(409);
        assertThat(json(active).path("reason").asString()).contains("is the active version");
        assertThat(owner.delete("/api/models/intent/versions/v2").statusCode()).isEqualTo(400);
        assertThat(registry.versions("intent")).contains(original, copy);

        HttpResponse<String> deleted = owner.delete("/api/models/intent/versions/" + copy);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(registry.versions("intent")).doesNotContain(copy).contains(original);
        assertThat(json(owner.get("/api/models/intent/versions")).path("versions"))
                .extracting(v -> v.path("version").asInt())
                .doesNotContain(copy);
        HttpResponse<String> again = owner.delete("/api/models/intent/versions/" + copy);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).path("reason").asString()).contains("is not in the registry");
    }

    /**
     * Comments until one is classified by the version, then once more: an activation reaches the
     * workers and gears through {@code models:changed} within a second, not before the next request.
     */
    private void awaitCommentsClassifiedBy(int version) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> intentVersionOf(comment()) == version);
        assertThat(intentVersionOf(comment())).as("and stays there").isEqualTo(version);
    }

    @Test
    void refusedRequestsLeaveTheActiveVersionsAlone() {
        int copy = registry.store(registry.artifact("intent", original));
        redis.sync().del(RedisNames.modelHistory("offense"));
        int offense = registry.activeVersion("offense").orElseThrow();

        assertThat(viewer.post("/api/models/intent/active", "{\"version\":" + copy + "}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.post("/api/models/intent/rollback", "{}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> missing = owner.post("/api/models/intent/active", "{\"version\":99999}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).path("field").asString()).isEqualTo("version");
        assertThat(json(missing).path("reason").asString()).contains("no stored version 99999");

        for (String notAVersion : List.of("2.7", "\"two\"", "99999999999")) {
            HttpResponse<String> wrongType =
                    owner.post("/api/models/intent/active", "{\"version\":" + notAVersion + "}");
            assertThat(wrongType.statusCode()).as(notAVersion).isEqualTo(400);
            assertThat(json(wrongType).path("field").asString()).as(notAVersion).isEqualTo("version");
        }

        HttpResponse<String> noVersion = owner.post("/api/models/intent/active", "{}");
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion).path("field").asString()).isEqualTo("version");

        HttpResponse<String> unknown = owner.post("/api/models/horoscope/active", "{\"version\":1}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("field").asString()).isEqualTo("analyzer");
        assertThat(owner.get("/api/models/horoscope/versions").statusCode()).isEqualTo(400);

        HttpResponse<String> nothingEarlier = owner.post("/api/models/offense/rollback", "{}");
        assertThat(nothingEarlier.statusCode()).isEqualTo(409);
        assertThat(json(nothingEarlier).path("reason").asString()).contains("no earlier active version of offense");

        assertThat(registry.activeVersion("intent")).contains(original);
        assertThat(registry.activeVersion("offense")).contains(offense);
    }

    private static List<Integer> activeFlags(JsonNode listed) {
        List<Integer> active = new ArrayList<>();
        listed.path("versions").forEach(v -> {
            if (v.path("active").asBoolean()) {
                active.add(v.path("version").asInt());
            }
        });
        return active;
    }

    private String comment() {
        int n = COMMENTS.incrementAndGet();
        String commentId = "versions_c_" + n;
        String authorId = Integer.toString(9100 + n);
        byte[] payload = FacebookPayloads.commentsAt(
                PAGE,
                List.of(new Comment(commentId, authorId, "Rae Moss", "Count me in for Saturday!")),
                Instant.now());
        assertThat(facebook.postSigned(payload).statusCode()).isEqualTo(200);
        return commentId;
    }

    /** The intent model version the pipeline stored for the comment, once it has been classified. */
    private int intentVersionOf(String commentId) {
        String query = """
                select c.model_version from classifications c join messages m on m.id = c.message_id
                 where m.external_id = ? and c.analyzer = 'intent'
                """;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !jdbc.queryForList(query, Integer.class, commentId).isEmpty());
        return jdbc.queryForObject(query, Integer.class, commentId);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }
}
