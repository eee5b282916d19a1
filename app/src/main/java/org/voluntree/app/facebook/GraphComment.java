package org.voluntree.app.facebook;

import java.time.Instant;

/** A comment as the Graph API returns it when the system reads a post's comments. */
public record GraphComment(
        String id, String postId, String parentId, String fromId, String fromName, String message, Instant createdAt) {}
