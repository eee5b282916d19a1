package org.voluntree.app.post;

import java.time.Instant;

/** A post as admins see it. */
public record PostView(
        long id,
        String pageId,
        Long signupId,
        String message,
        boolean appendSchedule,
        String photoUrl,
        String state,
        Instant scheduledAt,
        Instant publishedAt,
        String facebookPostId,
        String failure,
        Instant createdAt) {}
