package org.voluntree.app.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.app.sandbox.SandboxGraph.Comment;
import org.voluntree.app.sandbox.SandboxGraph.Page;
import org.voluntree.app.sandbox.SandboxGraph.Post;
import org.voluntree.app.webhook.WebhookSignatureVerifier;
import org.voluntree.contracts.event.Json;

/**
 * Plays Facebook's side of the webhook: builds a delivery in the documented Page shapes (a
 * {@code feed} change for a comment; {@code messaging} events for a message, a postback, an echo),
 * signs the exact bytes with {@code X-Hub-Signature-256} and POSTs them to the app's webhook.
 */
final class WebhookSimulator {

    private static final Logger log = LoggerFactory.getLogger(WebhookSimulator.class);

    /** What was sent and how the webhook answered; {@code status} null when it could not be reached. */
    record Delivery(Map<String, Object> payload, String url, Integer status, String response, String error) {}

    private final SandboxState state;
    private final String appId;
    private final WebhookSignatureVerifier signer;
    private final Supplier<URI> webhookUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookSimulator(SandboxState state, String appId, Supplier<URI> webhookUrl) {
        this.state = state;
        this.appId = appId;
        this.signer = new WebhookSignatureVerifier(state.appSecret());
        this.webhookUrl = webhookUrl;
    }

    /** A comment (or a reply, with a parent comment) by a person: stored in the graph, then delivered. */
    /** A comment written at {@code createdAt} (now, or earlier for one read late), delivered now. */
    Delivery comment(
            Page page, Post post, Comment parent, String authorId, String authorName, String text, Instant createdAt) {
        Comment comment = state.graph()
                .comment(post.id(), parent == null ? null : parent.id(), authorId, authorName, text, createdAt);
        Map<String, Object> postInfo = new LinkedHashMap<>();
        postInfo.put("status_type", post.photoId() == null ? "mobile_status_update" : "added_photos");
        postInfo.put("is_published", post.publishedAt(state.clock().instant()));
        postInfo.put("updated_time", GraphJson.time(post.createdAt()));
        postInfo.put("promotion_status", "inactive");
        postInfo.put("id", post.id());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", Map.of("id", authorId, "name", authorName));
        value.put("post", postInfo);
        value.put("message", text);
        value.put("post_id", post.id());
        value.put("comment_id", comment.id());
        value.put("created_time", comment.createdAt().getEpochSecond());
        value.put("item", "comment");
        value.put("parent_id", parent == null ? post.id() : parent.id());
        value.put("verb", "add");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", page.id());
        entry.put("time", state.clock().instant().getEpochSecond());
        entry.put("changes", List.of(Map.of("value", value, "field", "feed")));
        return deliver(entry);
    }

    /**
     * A Messenger message from a person; opens the 24-hour window. With a {@code quickReplyPayload} it is
     * the tap on a quick reply: Facebook sends the reply's title as the text and its payload beside it.
     */
    Delivery message(Page page, String psid, String text, String quickReplyPayload) {
        String mid = mid();
        state.conversations().inbound(page.id(), psid, mid, text);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("mid", mid);
        message.put("text", text);
        if (quickReplyPayload != null && !quickReplyPayload.isBlank()) {
            message.put("quick_reply", Map.of("payload", quickReplyPayload));
        }
        return deliver(messaging(page.id(), psid, page.id(), "message", message));
    }

    /** A tap on a postback button; opens the 24-hour window too. */
    Delivery postback(Page page, String psid, String payload, String title) {
        String mid = mid();
        // the thread shows the button's title as what the person said
        state.conversations().inbound(page.id(), psid, mid, title);
        Map<String, Object> postback = new LinkedHashMap<>();
        postback.put("title", title);
        postback.put("payload", payload);
        postback.put("mid", mid);
        return deliver(messaging(page.id(), psid, page.id(), "postback", postback));
    }

    /** The page's own message (message_echoes): sender is the page, recipient the person. */
    Delivery echo(Page page, String psid, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("mid", mid());
        message.put("is_echo", true);
        message.put("app_id", appId.chars().allMatch(Character::isDigit) ? Long.parseLong(appId) : appId);
        message.put("text", text);
        return deliver(messaging(page.id(), page.id(), psid, "message", message));
    }

    private Map<String, Object> messaging(
            String pageId, String senderId, String recipientId, String kind, Map<String, Object> content) {
        long now = state.clock().instant().toEpochMilli();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sender", Map.of("id", senderId));
        event.put("recipient", Map.of("id", recipientId));
        event.put("timestamp", now);
        event.put(kind, content);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", pageId);
        entry.put("time", now);
        entry.put("messaging", List.of(event));
        return entry;
    }

    private Delivery deliver(Map<String, Object> entry) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("object", "page");
        payload.put("entry", List.of(entry));
        byte[] body = Json.write(payload);
        URI url = webhookUrl.get();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signer.headerFor(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            log.info("Sandbox delivered a webhook to {}: HTTP {}", url, response.statusCode());
            return new Delivery(payload, url.toString(), response.statusCode(), response.body(), null);
        } catch (IOException e) {
            log.warn("Sandbox could not deliver a webhook to {}: {}", url, e.toString());
            return new Delivery(payload, url.toString(), null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(payload, url.toString(), null, null, "interrupted");
        }
    }

    private static String mid() {
        return "m_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A stable numeric id for a person known only by name, like an app-scoped user id. */
    static String personId(String name) {
        long hash =
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return "2" + String.format("%014d", Math.floorMod(hash, 100_000_000_000_000L));
    }
}
