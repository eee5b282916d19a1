package org.voluntree.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Training through the API: queued, run by a worker with the default model's data (here sentiment's:
 * the public review sets and the bundled valence lexicon), stored as a new version.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "voluntree.training.shared-data=${voluntree.repo.root}/../shared/data")
@Import(OrganisationFixture.class)
@DirtiesContext
class TrainingApiIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    @Value("${voluntree.training.work-dir}")
    String workDir;

    ApiClient owner;
    ApiClient viewer;
    ApiClient elsewhere;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Models");
        fixture.admin(org, "owner@models.example", "owner-password", "owner");
        fixture.admin(org, "viewer@models.example", "viewer-password", "viewer");
        owner = ApiClient.basic(port, "owner@models.example", "owner-password");
        viewer = ApiClient.basic(port, "viewer@models.example", "viewer-password");
        long other = fixture.organisation("Another charity");
        fixture.admin(other, "owner@elsewhere.example", "elsewhere-password", "owner");
        elsewhere = ApiClient.basic(port, "owner@elsewhere.example", "elsewhere-password");
    }

    @Test
    void aQueuedJobTrainsTheSentimentModelAndStoresItWithoutActivatingIt() {
        ModelRegistry registry = new ModelRegistry(redis.sync());
        int activeBefore = registry.activeVersion("sentiment").orElseThrow();

        HttpResponse<String> queued = owner.post("/api/models/sentiment/train", "{}");

        assertThat(queued.statusCode()).isEqualTo(202);
        JsonNode job = Json.MAPPER.readTree(queued.body());
        assertThat(job.path("status").asString()).isEqualTo("queued");
        String statusUrl = "/api/models/training/" + job.path("id").asString();
        HttpResponse<String> again = owner.post("/api/models/sentiment/train", "{}");
        assertThat(again.statusCode()).as("one job per analyzer at a time").isEqualTo(409);
        JsonNode refused = Json.MAPPER.readTree(again.body());
        assertThat(refused.path("id").asString()).isEqualTo(job.path("id").asString());
        assertThat(refused.path("statusUrl").asString()).endsWith(statusUrl);
        JsonNode recent = Json.MAPPER.readTree(
                viewer.get("/api/models/training?analyzer=sentiment").body());
        assertThat(recent.get(0).path("id").asString())
                .as("the analyzer's latest job first, for a page reloaded while it runs")
                .isEqualTo(job.path("id").asString());
        assertThat(recent.get(0).path("requestedBy").asString()).isEqualTo("owner@models.example");
        JsonNode seenElsewhere = Json.MAPPER.readTree(
                elsewhere.get("/api/models/training?analyzer=sentiment").body());
        assertThat(seenElsewhere.get(0).path("id").asString())
                .as("models serve the whole installation")
                .isEqualTo(job.path("id").asString());
        assertThat(seenElsewhere.get(0).has("requestedBy"))
                .as("but who asked stays in the organisation")
                .isFalse();
        assertThat(elsewhere.get(statusUrl).body()).doesNotContain("owner@models.example");
        await().atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String status = Json.MAPPER
                            .readTree(owner.get(statusUrl).body())
                            .path("status")
                            .asString();
                    return status.equals("succeeded") || status.equals("failed");
                });
        JsonNode done = Json.MAPPER.readTree(owner.get(statusUrl).body());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
        int version = Integer.parseInt(done.path("version").asString());
        assertThat(done.path("progress").asString()).isEqualTo("stored as sentiment v" + version + ", not activated");
        assertThat(Path.of(workDir, job.path("id").asString()))
                .as("the registry holds the model")
                .doesNotExist();
        assertThat(registry.versions("sentiment")).contains(version);
        assertThat(registry.activeVersion("sentiment"))
                .as("an admin activates it")
                .contains(activeBefore);
        JsonNode metrics = done.path("metrics");
        assertThat(metrics.path("test").path("accuracy").asDouble())
                .as("imdb, after training on yelp + amazon (the committed model: 0.812)")
                .isGreaterThanOrEqualTo(0.80);
        assertThat(registry.manifest("sentiment", version)
                        .featuriser()
                        .extrasOrNone()
                        .lexicon())
                .containsKeys("positive", "valence_strong_positive");
    }

    @Test
    void onlyAdminsQueueJobsForKnownAnalyzers() {
        assertThat(viewer.post("/api/models/intent/train", "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = owner.post("/api/models/horoscope/train", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"analyzer\"");
        assertThat(owner.get("/api/models/training/no-such-job").statusCode()).isEqualTo(404);
        HttpResponse<String> unknownList = owner.get("/api/models/training?analyzer=horoscope");
        assertThat(unknownList.statusCode()).isEqualTo(400);
        assertThat(unknownList.body()).contains("\"field\":\"analyzer\"");
    }
}
