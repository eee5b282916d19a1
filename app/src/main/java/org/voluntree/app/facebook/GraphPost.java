package org.voluntree.app.facebook;

import java.time.Instant;

/** A post as {@code GET /{page}/published_posts} returns it. */
public record GraphPost(String id, String message, Instant createdAt) {}
