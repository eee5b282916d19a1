package org.voluntree.app.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Splits a Page webhook delivery into events, following Facebook's documented shapes:
 * {@code {"object":"page","entry":[{"id":PAGE,"time":..,"changes":[{"field":"feed","value":{..}}]}]}}
 * for comments, and {@code "messaging":[{"sender":..,"recipient":..,"timestamp":..,"message"|"postback":..}]}
 * for Messenger. A body that is not such an object is malformed (400); single changes the
 * system does not handle (likes, posts, reactions) or that lack required fields are skipped and
 * counted, never retried.
 */
public final class WebhookPayloadParser {

    private static final Logger log = LoggerFactory.getLogger(WebhookPayloadParser.class);
    private static final DateTimeFormatter FACEBOOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    /** The events of a delivery and how many of its changes were skipped. */
    public record Parsed(List<InboundEvent> events, int skipped) {}

    public Parsed parse(byte[] body, Instant receivedAt) {
        if (body.length == 0) {
            throw WebhookRejectedException.malformed("body is empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw WebhookRejectedException.malformed("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw WebhookRejectedException.malformed("body must be a JSON object");
        }
        if (!"page".equals(root.path("object").asString(""))) {
            throw WebhookRejectedException.malformed("'object' must be 'page'");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isArray()) {
            throw WebhookRejectedException.malformed("'entry' must be an array");
        }
        List<InboundEvent> events = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entry : entries) {
            String pageId = text(entry, "id");
            if (pageId == null) {
                throw WebhookRejectedException.malformed("every entry needs its page 'id'");
            }
            for (JsonNode change : entry.path("changes")) {
                InboundEvent event = comment(pageId, change, receivedAt);
                if (event == null) {
                    skipped++;
                } else {
                    events.add(event);
                }
            }
            for (JsonNode messaging : entry.path("messaging")) {
                InboundEvent event = messaging(pageId, messaging, receivedAt);
                if (event == null) {
                    skipped++;
                } else {
                    events.add(event);
                }
            }
        }
        return new Parsed(events, skipped);
    }

    private static InboundEvent comment(String pageId, JsonNode change, Instant receivedAt) {
        JsonNode value = change.path("value");
        if (!"feed".equals(change.path("field").asString(""))
                || !"comment".equals(value.path("item").asString(""))) {
            log.debug(
                    "Skipping a {} change of item {}",
                    change.path("field").asString("?"),
                    value.path("item").asString("?"));
            return null;
        }
        String commentId = text(value, "comment_id");
        String verb = value.path("verb").asString("add");
        String authorId = text(value.path("from"), "id");
        if (commentId == null || ("add".equals(verb) && authorId == null)) {
            log.warn("Skipping a comment change without comment_id or from.id on page {}", pageId);
            return null;
        }
        String message = text(value, "message");
        String key = "c:" + commentId + ":" + verb + ("edited".equals(verb) ? ":" + digest(message) : "");
        Instant created = time(value.path("created_time"), receivedAt);
        String postId = text(value, "post_id");
        String parentId = text(value, "parent_id");
        return new InboundEvent(
                key,
                EventKind.COMMENT,
                pageId,
                commentId,
                postId,
                parentId == null || parentId.equals(postId) ? null : parentId,
                verb,
                authorId,
                text(value.path("from"), "name"),
                message,
                null,
                created,
                receivedAt);
    }

    private static InboundEvent messaging(String pageId, JsonNode messaging, Instant receivedAt) {
        String senderId = text(messaging.path("sender"), "id");
        Instant at = time(messaging.path("timestamp"), receivedAt);
        JsonNode message = messaging.path("message");
        JsonNode postback = messaging.path("postback");
        if (senderId == null) {
            log.warn("Skipping a messaging event without sender.id on page {}", pageId);
            return null;
        }
        if (message.isObject()) {
            String mid = text(message, "mid");
            if (mid == null) {
                log.warn("Skipping a message without mid on page {}", pageId);
                return null;
            }
            String verb = message.path("is_echo").asBoolean(false) ? InboundEvent.ECHO : "add";
            return new InboundEvent(
                    "m:" + mid,
                    EventKind.MESSAGE,
                    pageId,
                    mid,
                    null,
                    null,
                    verb,
                    senderId,
                    null,
                    text(message, "text"),
                    text(message.path("quick_reply"), "payload"),
                    at,
                    receivedAt,
                    text(messaging.path("recipient"), "id"));
        }
        if (postback.isObject()) {
            String payload = text(postback, "payload");
            String mid = text(postback, "mid");
            String id = mid != null
                    ? mid
                    : "pb:" + senderId + ":" + messaging.path("timestamp").asString("") + ":" + digest(payload);
            return new InboundEvent(
                    "p:" + id,
                    EventKind.POSTBACK,
                    pageId,
                    id,
                    null,
                    null,
                    "add",
                    senderId,
                    null,
                    text(postback, "title"),
                    payload,
                    at,
                    receivedAt,
                    text(messaging.path("recipient"), "id"));
        }
        log.debug("Skipping a messaging event that is neither a message nor a postback on page {}", pageId);
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isString()) {
            String s = value.asString();
            return s.isEmpty() ? null : s;
        }
        if (value.isNumber()) {
            return value.asString();
        }
        return null;
    }

    /** Facebook sends unix seconds in feed changes, unix millis in messaging, and ISO text in some versions. */
    private static Instant time(JsonNode node, Instant fallback) {
        if (node.isNumber()) {
            long value = node.asLong();
            return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        if (node.isString()) {
            try {
                return OffsetDateTime.parse(node.asString(), FACEBOOK_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
