package org.voluntree.app.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/**
 * The Facebook sandbox of a running app, driven over HTTP the way a tester or the demo drives it:
 * pages and tokens, forced errors, held answers, the webhook simulator, and what the sandbox recorded.
 */
public final class SandboxClient {

    /** A page created in the sandbox, with the page token it was issued. */
    public record SandboxPage(String id, String name, String token) {}

    /** One Graph call the sandbox recorded. */
    public record RecordedCall(String method, String path, int status, Integer errorCode) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String root;

    public SandboxClient(int port) {
        this.root = "http://127.0.0.1:" + port;
    }

    /** Forgets posts, comments, messages, usage, requests and clock moves; pages and their tokens stay. */
    public void reset() {
        send("POST", "/sandbox/control/reset", null, 204);
    }

    /**
     * A new token of the page, which is created the first time: pages outlive {@link #reset()}, so the
     * later tests of a class find the page their first test created.
     */
    public String pageToken(String id, String name) {
        boolean exists = get("/sandbox/control/pages")
                .path("data")
                .valueStream()
                .anyMatch(p -> id.equals(p.path("id").asString()));
        return exists ? issueToken(id) : createPage(id, name).token();
    }

    public SandboxPage createPage(String id, String name) {
        JsonNode created = send("POST", "/sandbox/control/pages", Map.of("id", id, "name", name), 201);
        return new SandboxPage(id, name, created.path("access_token").asString());
    }

    /** Publishes a post on the page with its own token, as an admin would on Facebook; returns the post id. */
    public String publishPost(SandboxPage page, String message) {
        String form = "message=" + encode(message) + "&access_token=" + encode(page.token()) + "&appsecret_proof="
                + appsecretProof(page.token());
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/sandbox/graph/v24.0/" + page.id() + "/feed"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        "publishing a post answered " + response.statusCode() + ": " + response.body());
            }
            return Json.MAPPER.readTree(response.body()).path("id").asString();
        } catch (IOException e) {
            throw new IllegalStateException("publishing a post failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String appsecretProof(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestServers.APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issueToken(String pageId) {
        return send("POST", "/sandbox/control/tokens/" + pageId, null, 200)
                .path("access_token")
                .asString();
    }

    public void revokeTokens(String pageId) {
        send("POST", "/sandbox/control/tokens/" + pageId + "/revoke", null, 200);
    }

    /** The next {@code count} calls (of the page, when named) fail with that rate-limit code. */
    public void rateLimit(String pageId, int code, int count) {
        rateLimit(pageId, code, count, null, null);
    }

    /** As above, only for the calls of {@code method} whose path contains {@code path}. */
    public void rateLimit(String pageId, int code, int count, String method, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageId", pageId);
        body.put("code", code);
        body.put("count", count);
        body.put("method", method);
        body.put("path", path);
        send("POST", "/sandbox/control/rate-limit", body, 200);
    }

    /** The next {@code count} calls of {@code method} whose path contains {@code path}: carried out, answer held. */
    public void hold(String path, String method, int count) {
        send("POST", "/sandbox/control/hold", Map.of("path", path, "method", method, "count", count), 200);
    }

    /** Like {@link #hold(String, String, int)}, the answers released after {@code atMost} at the latest. */
    public void hold(String path, String method, int count, java.time.Duration atMost) {
        send(
                "POST",
                "/sandbox/control/hold",
                Map.of("path", path, "method", method, "count", count, "atMost", atMost.toString()),
                200);
    }

    public int heldAnswers() {
        return send("GET", "/sandbox/control/hold", null, 200).path("waiting").asInt();
    }

    public void releaseHeldAnswers() {
        send("DELETE", "/sandbox/control/hold", null, 200);
    }

    /** The Graph calls recorded whose path contains {@code path}, of {@code method} (any when null). */
    public List<RecordedCall> calls(String path, String method) {
        JsonNode found = send(
                "GET",
                "/sandbox/requests?path=" + encode(path) + (method == null ? "" : "&method=" + method),
                null,
                200);
        List<RecordedCall> calls = new ArrayList<>();
        for (JsonNode call : found.path("data")) {
            calls.add(new RecordedCall(
                    call.path("method").asString(),
                    call.path("path").asString(),
                    call.path("status").asInt(),
                    call.path("errorCode").isNumber() ? call.path("errorCode").asInt() : null));
        }
        return calls;
    }

    /** The messages the page sent (private replies and Messenger messages), oldest first. */
    public List<JsonNode> messages(String pageId, String recipientId) {
        String query = "?pageId=" + encode(pageId) + (recipientId == null ? "" : "&recipientId=" + encode(recipientId));
        List<JsonNode> messages = new ArrayList<>();
        send("GET", "/sandbox/messages" + query, null, 200).path("data").forEach(messages::add);
        return messages;
    }

    /**
     * The page's {@code n}-th message to the person, once it has been sent (waiting up to
     * {@code within}); fails if more than {@code n} were sent by then.
     */
    public JsonNode nthMessage(String pageId, String recipientId, int n, Duration within) {
        await("the page's message " + n + " to " + recipientId)
                .atMost(within)
                .until(() -> messages(pageId, recipientId).size() >= n);
        List<JsonNode> sent = messages(pageId, recipientId);
        assertThat(sent).as("messages to " + recipientId).hasSize(n);
        return sent.get(n - 1);
    }

    /** The text of a sent message: plain, or the text of a button template. */
    public static String textOf(JsonNode sent) {
        JsonNode message = sent.path("message");
        return message.has("text")
                ? message.path("text").asString()
                : message.path("attachment").path("payload").path("text").asString();
    }

    /** A person comments under the post; answers the simulator's delivery (payload sent, webhook status). */
    public JsonNode comment(String pageId, String postId, String authorId, String authorName, String text) {
        return delivered(send(
                "POST", "/sandbox/simulate/comment", commentBody(pageId, postId, authorId, authorName, text), 200));
    }

    /** A comment written {@code ago} before now, whose webhook arrives only now (as one read late). */
    public JsonNode commentWrittenAgo(
            String pageId, String postId, String authorId, String authorName, String text, java.time.Duration ago) {
        Map<String, Object> body = commentBody(pageId, postId, authorId, authorName, text);
        body.put("writtenAgo", ago.toString());
        return delivered(send("POST", "/sandbox/simulate/comment", body, 200));
    }

    private static Map<String, Object> commentBody(
            String pageId, String postId, String authorId, String authorName, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageId", pageId);
        body.put("postId", postId);
        body.put("authorId", authorId);
        body.put("authorName", authorName);
        body.put("text", text);
        return body;
    }

    public JsonNode message(String pageId, String psid, String text) {
        return delivered(
                send("POST", "/sandbox/simulate/message", Map.of("pageId", pageId, "psid", psid, "text", text), 200));
    }

    /** The tap on a quick reply: its title as the text, its payload beside it. */
    public JsonNode quickReply(String pageId, String psid, String title, String payload) {
        return delivered(send(
                "POST",
                "/sandbox/simulate/message",
                Map.of("pageId", pageId, "psid", psid, "text", title, "quickReplyPayload", payload),
                200));
    }

    public JsonNode postback(String pageId, String psid, String title, String payload) {
        return delivered(send(
                "POST",
                "/sandbox/simulate/postback",
                Map.of("pageId", pageId, "psid", psid, "title", title, "payload", payload),
                200));
    }

    /** The page's own message to the person, typed by an admin in the page's inbox. */
    public JsonNode echo(String pageId, String psid, String text) {
        return delivered(
                send("POST", "/sandbox/simulate/echo", Map.of("pageId", pageId, "psid", psid, "text", text), 200));
    }

    /** The comment id of a simulated comment's delivery. */
    public static String commentId(JsonNode delivery) {
        return delivery.path("payload")
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value")
                .path("comment_id")
                .asString();
    }

    /** The message id of a simulated message's delivery. */
    public static String messageId(JsonNode delivery) {
        JsonNode messaging =
                delivery.path("payload").path("entry").get(0).path("messaging").get(0);
        JsonNode content = messaging.has("message") ? messaging.path("message") : messaging.path("postback");
        return content.path("mid").asString();
    }

    /** POSTs JSON to any sandbox path and returns the answer (any 2xx; a simulated delivery may fail). */
    public JsonNode post(String path, String json) {
        return raw("POST", path, json);
    }

    /** Deletes a post with the page's own token, as an admin would on Facebook. */
    public void deletePost(String postId, String pageToken) {
        raw(
                "DELETE",
                "/sandbox/graph/v24.0/" + postId + "?access_token=" + encode(pageToken) + "&appsecret_proof="
                        + appsecretProof(pageToken),
                null);
    }

    /** A post's text as Facebook shows it, read with the page's own token. */
    public String postMessage(String postId, String pageToken) {
        return raw(
                        "GET",
                        "/sandbox/graph/v24.0/" + postId + "?fields=message&access_token=" + encode(pageToken)
                                + "&appsecret_proof=" + appsecretProof(pageToken),
                        null)
                .path("message")
                .asString();
    }

    /** GETs any sandbox path. */
    public JsonNode get(String path) {
        return raw("GET", path, null);
    }

    private JsonNode raw(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode delivered(JsonNode delivery) {
        if (delivery.path("status").asInt() != 200) {
            throw new AssertionError("the webhook did not accept the simulated delivery: " + delivery);
        }
        return delivery;
    }

    private JsonNode send(String method, String path, Object body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
