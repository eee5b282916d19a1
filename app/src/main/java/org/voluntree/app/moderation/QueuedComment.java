package org.voluntree.app.moderation;

import java.time.Instant;

/**
 * A comment in the moderation queue (or handled from it), with the offense verdict that put it
 * there and the last action taken on it, if any.
 */
public record QueuedComment(
        long messageId,
        String commentId,
        String pageId,
        String postId,
        String authorId,
        String authorName,
        String text,
        Instant createdAt,
        String offenseLabel,
        float offenseScore,
        String sentimentLabel,
        String lastAction,
        String lastOutcome,
        String lastReason,
        Instant lastActionAt) {}
