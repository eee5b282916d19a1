package org.voluntree.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/** Drives the app's own Facebook sandbox: its controls, simulator and request log. */
public final class SandboxClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public SandboxClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** POSTs JSON to a sandbox path and returns the answer's JSON (throws on a 4xx/5xx). */
    public JsonNode post(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
    }

    public JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return Json.MAPPER.readTree(response.body());
    }

    /** Creates a page in the sandbox and returns its page token. */
    public String createPage(String pageId, String name) {
        return post("/sandbox/control/pages", "{\"id\":\"" + pageId + "\",\"name\":\"" + name + "\"}")
                .path("access_token").asString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
