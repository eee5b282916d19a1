package org.voluntree.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description and its UI are served by the app itself, with no asset from elsewhere. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OpenApiDocsIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Test
    void theDescriptionNamesTheDashboardApiAndTokenLogin() {
        HttpResponse<String> json = get("/docs/openapi.json");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body())
                .contains(
                        "\"/api/chat/sessions\"",
                        "\"/api/chat/sessions/{id}/messages\"",
                        "\"/api/auth/tokens\"",
                        "\"/api/overview\"",
                        "\"/api/analytics\"",
                        "\"/api/volunteers/{id}/merge\"",
                        "\"scheme\":\"bearer\"")
                .doesNotContain("/webhooks/facebook");
    }

    @Test
    void everyApiOperationHasASummaryAndANamedTag() {
        JsonNode paths = Json.MAPPER.readTree(get("/docs/openapi.json").body()).path("paths");
        List<String> undocumented = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                checked++;
                JsonNode tags = operation.getValue().path("tags");
                if (operation.getValue().path("summary").asString("").isBlank()
                        || tags.isEmpty()
                        || tags.get(0).asString().endsWith("-controller")) {
                    undocumented.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(checked).as("the API's operations").isGreaterThan(50);
        assertThat(undocumented)
                .as("shown in Swagger UI under a generated controller name, without saying what they do")
                .isEmpty();
    }

    @Test
    void theUiIsServedLocally() {
        HttpResponse<String> page = get("/docs");
        String folder = page.uri().getPath().substring(0, page.uri().getPath().lastIndexOf('/') + 1);
        HttpResponse<String> script = get(folder + "swagger-ui-bundle.js");
        HttpResponse<String> config = get("/docs/openapi.json/swagger-config");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("src=\"http", "href=\"http");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/docs/openapi.json");
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
