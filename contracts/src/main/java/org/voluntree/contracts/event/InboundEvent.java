package org.voluntree.contracts.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One Facebook event as the webhook accepted it, the job that travels from {@code q:preprocess}
 * to the writer.
 *
 * @param key Facebook's own identity of the event, used to drop retried deliveries
 *     (comment id and verb, or message id)
 * @param kind comment, message or postback
 * @param pageId the page that received it
 * @param externalId the comment id or message id
 * @param postId the post a comment belongs to, null for Messenger events
 * @param parentId the comment a reply answers, null otherwise
 * @param verb {@code add}, {@code edited}, {@code remove}... for comments; {@code add} otherwise
 * @param authorId the page-scoped id of the person who wrote it
 * @param authorName their display name when Facebook sends it, else null
 * @param text the message text, null when there is none
 * @param payload a postback's or quick reply's payload, null otherwise
 * @param createdAt when Facebook says it happened
 * @param receivedAt when the webhook accepted it
 * @param recipientId for Messenger events, who it was sent to (the person, for the page's own
 *     messages echoed back); null otherwise
 */
public record InboundEvent(
        String key,
        EventKind kind,
        String pageId,
        String externalId,
        String postId,
        String parentId,
        String verb,
        String authorId,
        String authorName,
        String text,
        String payload,
        Instant createdAt,
        Instant receivedAt,
        String recipientId) {

    /** The verb of the page's own message echoed back ({@code is_echo}). */
    public static final String ECHO = "echo";

    /** An event without a recipient: comments, and messages whose recipient is the page. */
    public InboundEvent(
            String key,
            EventKind kind,
            String pageId,
            String externalId,
            String postId,
            String parentId,
            String verb,
            String authorId,
            String authorName,
            String text,
            String payload,
            Instant createdAt,
            Instant receivedAt) {
        this(
                key,
                kind,
                pageId,
                externalId,
                postId,
                parentId,
                verb,
                authorId,
                authorName,
                text,
                payload,
                createdAt,
                receivedAt,
                null);
    }

    /**
     * Drops U+0000 from every text: PostgreSQL cannot store it, and one such comment would otherwise
     * fail the writer's whole batch. Nobody types it; it only arrives by accident or on purpose.
     */
    public InboundEvent {
        key = withoutNul(key);
        pageId = withoutNul(pageId);
        externalId = withoutNul(externalId);
        postId = withoutNul(postId);
        parentId = withoutNul(parentId);
        verb = withoutNul(verb);
        authorId = withoutNul(authorId);
        authorName = withoutNul(authorName);
        text = withoutNul(text);
        payload = withoutNul(payload);
        recipientId = withoutNul(recipientId);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    private static String withoutNul(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace("\u0000", "");
    }

    /** Whether this is the page's own Messenger message, echoed back by Facebook ({@code message_echoes}). */
    public boolean isEcho() {
        return ECHO.equals(verb);
    }

    /** Whether the analyzers should see this event: a comment added or edited, or a message, with text. */
    public boolean classifiable() {
        return kind.classifiable() && text != null && !text.isBlank() && ("add".equals(verb) || "edited".equals(verb));
    }
}
