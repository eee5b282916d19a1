package org.voluntree.app.writer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The event published on {@code org:{id}:events} for every message the writer stored. Clients
 * de-duplicate by {@code messageId}: a replayed entry publishes again.
 */
public record MessageClassified(
        String type,
        long organisationId,
        long messageId,
        String externalId,
        String kind,
        String pageId,
        String postId,
        String authorId,
        String authorName,
        String text,
        Instant createdAt,
        boolean removed,
        Map<String, Verdict> classifications,
        Long volunteerId) {

    public static final String TYPE = "message.classified";

    /**
     * One analyzer's label and score; for sentiment, {@code shown} is what the dashboard shows (the
     * label, or {@code neutral} where the model was not confident: SQL {@code sentiment_shown}).
     */
    public record Verdict(
            String label,
            float score,
            int version,
            @JsonInclude(JsonInclude.Include.NON_NULL) String shown) {}
}
