package org.voluntree.app.facebook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voluntree.contracts.event.Json;

/**
 * A Messenger message: text, optionally with postback buttons (sent as a button template) or
 * quick replies.
 */
public record OutgoingMessage(String text, List<Button> buttons, List<Button> quickReplies) {

    /** A button whose press comes back as a postback (or quick reply) with {@code payload}. */
    public record Button(String title, String payload) {}

    public OutgoingMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        if (buttons.size() > 3) {
            throw new IllegalArgumentException("a button template holds at most 3 buttons");
        }
    }

    public static OutgoingMessage text(String text) {
        return new OutgoingMessage(text, List.of(), List.of());
    }

    public static OutgoingMessage withButtons(String text, Button... buttons) {
        return new OutgoingMessage(text, List.of(buttons), List.of());
    }

    public static OutgoingMessage withQuickReplies(String text, List<Button> replies) {
        return new OutgoingMessage(text, List.of(), replies);
    }

    /** The {@code message} parameter of the Send API, as JSON. */
    String toJson() {
        Map<String, Object> message = new LinkedHashMap<>();
        if (buttons.isEmpty()) {
            message.put("text", text);
        } else {
            message.put(
                    "attachment",
                    Map.of(
                            "type",
                            "template",
                            "payload",
                            Map.of(
                                    "template_type",
                                    "button",
                                    "text",
                                    text,
                                    "buttons",
                                    buttons.stream()
                                            .map(b -> Map.of(
                                                    "type", "postback", "title", b.title(), "payload", b.payload()))
                                            .toList())));
        }
        if (!quickReplies.isEmpty()) {
            message.put(
                    "quick_replies",
                    quickReplies.stream()
                            .map(b -> Map.of("content_type", "text", "title", b.title(), "payload", b.payload()))
                            .toList());
        }
        return new String(Json.write(message), StandardCharsets.UTF_8);
    }
}
