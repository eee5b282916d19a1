package org.voluntree.app.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voluntree.app.sandbox.Conversations.SentMessage;
import org.voluntree.app.sandbox.SandboxGraph.Comment;
import org.voluntree.app.sandbox.SandboxGraph.Page;
import org.voluntree.contracts.event.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /{page}/messages}, the Send API: {@code recipient} {@code {"comment_id"}} for a private
 * reply or {@code {"id": PSID}}; {@code message} with {@code text}, {@code quick_replies} or an
 * {@code attachment} (a button template of postback / web_url buttons); {@code messaging_type}
 * RESPONSE, UPDATE or MESSAGE_TAG with a {@code tag}; or a bare {@code sender_action}.
 */
final class SendApiEndpoint {

    static final int MAX_TEXT = 2000;
    static final int MAX_QUICK_REPLIES = 13;
    static final int MAX_BUTTONS = 3;
    static final int MAX_TITLE = 20;

    private final SandboxGraph graph;
    private final Conversations conversations;

    SendApiEndpoint(SandboxGraph graph, Conversations conversations) {
        this.graph = graph;
        this.conversations = conversations;
    }

    Map<String, Object> send(Page page, GraphRequest request) {
        JsonNode recipient = jsonParam(request, "recipient", true);
        String senderAction = request.param("sender_action");
        JsonNode message = jsonParam(request, "message", senderAction == null);
        String commentId = text(recipient, "comment_id");
        String psid = text(recipient, "id");
        if (commentId == null && psid == null) {
            throw GraphApiException.invalidParameter("param recipient must contain an id or a comment_id");
        }
        if (message == null) {
            // typing indicators and mark_seen need an open conversation but change nothing here
            if (psid == null) {
                throw GraphApiException.invalidParameter("sender_action needs a recipient id");
            }
            return Map.of("recipient_id", psid);
        }
        Map<String, Object> content = validatedMessage(message);
        SentMessage sent;
        if (commentId != null) {
            Comment comment = graph.comment(commentId)
                    .filter(c -> graph.post(c.postId())
                            .map(p -> p.pageId().equals(page.id()))
                            .orElse(false))
                    .orElseThrow(GraphApiException::noMatchingUser);
            sent = conversations.privateReply(page.id(), comment, content);
        } else {
            String type = request.required("messaging_type");
            String tag = request.param("tag");
            if ("MESSAGE_TAG".equals(type)) {
                if (tag == null) {
                    throw GraphApiException.missingParameter("tag");
                }
                if (!Conversations.TAGS.contains(tag)) {
                    throw GraphApiException.invalidParameter(
                            "Param tag must be one of " + Conversations.TAGS + " - got \"" + tag + "\".");
                }
            }
            sent = conversations.send(page.id(), psid, type, tag, content);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient_id", sent.recipientId());
        body.put("message_id", sent.messageId());
        return body;
    }

    /**
     * {@code GET /{page}/conversations?platform=messenger&user_id=PSID}: the page's conversation with
     * that person, its latest 25 messages newest first, each with {@code id}, {@code message},
     * {@code from}, {@code to} and {@code created_time} ({@code fields} is not parsed). Only the page's
     * own messages are listed: the sandbox keeps no text of what people write.
     */
    Map<String, Object> conversation(Page page, GraphRequest request) {
        String psid = request.required("user_id");
        // the thread as Facebook lists it: both sides, newest first, a page of 25
        List<ThreadMessage> thread = new ArrayList<>();
        for (SentMessage m : conversations.sent()) {
            if (m.pageId().equals(page.id()) && psid.equals(m.recipientId())) {
                thread.add(new ThreadMessage(
                        m.messageId(),
                        textOf(m.message()),
                        Map.of("id", page.id(), "name", page.name()),
                        psid,
                        m.sentAt()));
            }
        }
        for (Conversations.ReceivedMessage m : conversations.received()) {
            if (m.pageId().equals(page.id()) && psid.equals(m.psid())) {
                thread.add(new ThreadMessage(m.messageId(), m.text(), Map.of("id", psid), page.id(), m.receivedAt()));
            }
        }
        if (thread.isEmpty()) {
            return Map.of("data", List.of());
        }
        List<Map<String, Object>> messages = thread.stream()
                .sorted(Comparator.comparing(ThreadMessage::at).reversed())
                .limit(25)
                .map(ThreadMessage::json)
                .toList();
        return Map.of(
                "data", List.of(Map.of("id", "t_" + page.id() + "_" + psid, "messages", Map.of("data", messages))));
    }

    /** One message of a conversation, from either side. */
    private record ThreadMessage(String id, String text, Map<String, String> from, String toId, Instant at) {

        Map<String, Object> json() {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", id);
            message.put("message", text == null ? "" : text);
            message.put("from", from);
            message.put("to", Map.of("data", List.of(Map.of("id", toId))));
            message.put("created_time", GraphJson.time(at));
            return message;
        }
    }

    /** A sent message's text: its own, or its button template's. */
    @SuppressWarnings("unchecked")
    private static String textOf(Map<String, Object> message) {
        if (message.get("text") instanceof String text) {
            return text;
        }
        if (message.get("attachment") instanceof Map<?, ?> attachment
                && attachment.get("payload") instanceof Map<?, ?> payload
                && payload.get("text") instanceof String text) {
            return text;
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> validatedMessage(JsonNode message) {
        String text = text(message, "text");
        JsonNode attachment = message.path("attachment");
        if (text == null && !attachment.isObject()) {
            throw GraphApiException.invalidParameter("param message must contain text or an attachment");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw GraphApiException.invalidParameter(
                    "param message[text] must be UTF-8 encoded with a " + MAX_TEXT + " character limit");
        }
        JsonNode quickReplies = message.path("quick_replies");
        if (!quickReplies.isMissingNode()) {
            if (!quickReplies.isArray() || quickReplies.size() > MAX_QUICK_REPLIES) {
                throw GraphApiException.invalidParameter(
                        "param message[quick_replies] must be an array of at most " + MAX_QUICK_REPLIES + " elements");
            }
            for (JsonNode reply : quickReplies) {
                String type = reply.path("content_type").asString("text");
                if ("text".equals(type) && (text(reply, "title") == null || text(reply, "payload") == null)) {
                    throw GraphApiException.invalidParameter("a text quick reply needs a title and a payload");
                }
                checkTitle(text(reply, "title"));
            }
        }
        if (attachment.isObject()) {
            validateAttachment(attachment);
        }
        return Json.MAPPER.convertValue(message, Map.class);
    }

    private static void validateAttachment(JsonNode attachment) {
        String type = text(attachment, "type");
        JsonNode payload = attachment.path("payload");
        if (type == null || !payload.isObject()) {
            throw GraphApiException.invalidParameter("param message[attachment] needs a type and a payload");
        }
        if (!"template".equals(type)) {
            if (text(payload, "url") == null && text(payload, "attachment_id") == null) {
                throw GraphApiException.invalidParameter("a " + type + " attachment needs a url or an attachment_id");
            }
            return;
        }
        if (!"button".equals(text(payload, "template_type"))) {
            // generic and other templates are accepted as they come: the sandbox checks the button template only
            return;
        }
        if (text(payload, "text") == null) {
            throw GraphApiException.missingParameter("message[attachment][payload][text]");
        }
        JsonNode buttons = payload.path("buttons");
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
            throw GraphApiException.invalidParameter("param message[attachment][payload][buttons] must be an array "
                    + "of 1 to " + MAX_BUTTONS + " buttons");
        }
        for (JsonNode button : buttons) {
            String buttonType = text(button, "type");
            checkTitle(text(button, "title"));
            if (text(button, "title") == null) {
                throw GraphApiException.missingParameter("message[attachment][payload][buttons][title]");
            }
            if ("postback".equals(buttonType) && text(button, "payload") == null) {
                throw GraphApiException.missingParameter("message[attachment][payload][buttons][payload]");
            } else if ("web_url".equals(buttonType) && text(button, "url") == null) {
                throw GraphApiException.missingParameter("message[attachment][payload][buttons][url]");
            } else if (!"postback".equals(buttonType)
                    && !"web_url".equals(buttonType)
                    && !"phone_number".equals(buttonType)) {
                throw GraphApiException.invalidParameter("button type must be one of {postback, web_url, "
                        + "phone_number} - got \"" + buttonType + "\".");
            }
        }
    }

    private static void checkTitle(String title) {
        if (title != null && title.length() > MAX_TITLE) {
            throw GraphApiException.invalidParameter(
                    "a button or quick reply title has a " + MAX_TITLE + " character limit");
        }
    }

    private static JsonNode jsonParam(GraphRequest request, String name, boolean required) {
        String value = request.param(name);
        if (value == null) {
            if (required) {
                throw GraphApiException.missingParameter(name);
            }
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(value);
            if (node == null || !node.isObject()) {
                throw GraphApiException.invalidParameter("param " + name + " must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw GraphApiException.invalidParameter("param " + name + " must be a JSON object");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isString() && !value.asString().isBlank()) {
            return value.asString();
        }
        return value.isNumber() ? value.asString() : null;
    }
}
