package org.voluntree.app.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.voluntree.app.testing.SandboxClient.SandboxPage;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/** An API client of an admin, with HTTP Basic: what a script or the dashboard's calls do, minus the browser. */
public final class AdminApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String root;
    private final String authorization;

    public AdminApi(int port, String email, String password) {
        this.root = "http://127.0.0.1:" + port;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET(), 200);
    }

    /** POSTs JSON and expects {@code expectedStatus}. */
    public JsonNode post(String path, Object body, int expectedStatus) {
        return send(
                HttpRequest.newBuilder(URI.create(root + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))),
                expectedStatus);
    }

    /** Creates a signup with one slot of {@code hours} hours from {@code startsAt}; answers the signup created. */
    public JsonNode signupWithOneSlot(String title, String label, Instant startsAt, int hours, int required) {
        return post(
                "/api/signups",
                Map.of(
                        "title",
                        title,
                        "slots",
                        List.of(Map.of(
                                "startsAt",
                                startsAt.toString(),
                                "endsAt",
                                startsAt.plus(Duration.ofHours(hours)).toString(),
                                "label",
                                label,
                                "required",
                                required))),
                201);
    }

    /** PUTs JSON and expects {@code expectedStatus}. */
    public JsonNode put(String path, Object body, int expectedStatus) {
        return send(
                HttpRequest.newBuilder(URI.create(root + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))),
                expectedStatus);
    }

    /** DELETEs and expects {@code expectedStatus} (a 204 has no body). */
    public void delete(String path, int expectedStatus) {
        send(HttpRequest.newBuilder(URI.create(root + path)).DELETE(), expectedStatus);
    }

    /**
     * Connects a sandbox page with its page token, as an admin does on the Settings page, and checks
     * that the app stored it under the page's id with a valid token.
     */
    public void connect(SandboxPage page) {
        JsonNode connected = post("/api/pages", Map.of("pageToken", page.token()), 201);
        if (!page.id().equals(connected.path("pageId").asString())
                || !"valid".equals(connected.path("tokenStatus").asString())) {
            throw new AssertionError("connecting page " + page.id() + " answered " + connected);
        }
    }

    /**
     * Creates a post for the signup through the API and publishes it through the publish queue, as
     * an admin does; waits up to {@code within} for it to be published and returns Facebook's post id.
     */
    public String publishPost(SandboxPage page, long signupId, String message, Duration within) {
        long post = post("/api/posts", Map.of("pageId", page.id(), "signupId", signupId, "message", message), 201)
                .path("id")
                .asLong();
        post("/api/posts/" + post + "/publish", Map.of(), 202);
        await("the post is published on the page")
                .atMost(within)
                .until(() -> "published"
                        .equals(get("/api/posts/" + post).path("state").asString()));
        return get("/api/posts/" + post).path("facebookPostId").asString();
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("API request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
