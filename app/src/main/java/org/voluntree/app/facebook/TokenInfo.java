package org.voluntree.app.facebook;

import java.time.Instant;
import java.util.List;

/** What {@code debug_token} says about a token. */
public record TokenInfo(
        boolean valid,
        String type,
        String appId,
        String profileId,
        Instant expiresAt,
        List<String> scopes,
        String error) {}
