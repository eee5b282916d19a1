package org.voluntree.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/** An API client: JSON over HTTP, with an API token (or HTTP Basic credentials) when it has them. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String token;
    private final String authorization;

    public ApiClient(int port, String token) {
        this(port, token, token == null ? null : "Bearer " + token);
    }

    private ApiClient(int port, String token, String authorization) {
        this.port = port;
        this.token = token;
        this.authorization = authorization;
    }

    /** A client that sends e-mail and password with every call (HTTP Basic), as scripts do. */
    public static ApiClient basic(int port, String email, String password) {
        return new ApiClient(
                port,
                null,
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client without credentials. */
    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    /** Logs in with e-mail and password and returns a client holding the new token. */
    public static ApiClient logIn(int port, String email, String password) {
        HttpResponse<String> response = anonymous(port)
                .send(
                        "POST",
                        "/api/auth/tokens",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"test\"}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("token login failed: " + response.statusCode() + " " + response.body());
        }
        return new ApiClient(port, json(response).path("token").asString());
    }

    public String token() {
        return token;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, json);
    }

    public HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    /** A request whose body is of the given content type (e.g. to see what a wrong one gets). */
    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }
}
