package org.voluntree.app.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/predict} with the bundled models, as an API client with HTTP Basic would call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class PredictApiIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Predict");
        fixture.admin(org, "api@predict.example", "predict-password", "admin");
    }

    @Test
    void returnsEveryActiveAnalyzersLabelAndScores() {
        HttpResponse<String> response = post("{\"text\": \"Count me in for Saturday, I can help all day!\"}", true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode intent = Json.MAPPER.readTree(response.body()).path("intent");
        assertThat(intent.path("label").asString()).isEqualTo("volunteer");
        JsonNode scores = intent.path("scores");
        assertThat(scores.propertyNames())
                .contains(
                        "volunteer",
                        "how_to_signup",
                        "event_question",
                        "requirements_question",
                        "donation",
                        "appreciation",
                        "other");
        double total = 0;
        for (JsonNode score : scores) {
            total += score.asDouble();
        }
        assertThat(total).isCloseTo(1.0, Offset.offset(1e-3));
    }

    @Test
    void refusesCallersWithoutCredentials() {
        assertThat(post("{\"text\": \"hi\"}", false).statusCode()).isEqualTo(401);
    }

    @Test
    void namesTheFieldAtFault() {
        HttpResponse<String> blank = post("{\"text\": \"   \"}", true);
        HttpResponse<String> missing = post("{}", true);
        HttpResponse<String> notJson = post("text=hi", true);

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"text\"");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"text\"");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not the JSON");
    }

    private HttpResponse<String> post(String json, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authenticated) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            "api@predict.example:predict-password".getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
