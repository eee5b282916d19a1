package org.voluntree.app.page;

import java.time.Instant;

/** A page as its organisation's admins see it. */
public record ConnectedPage(
        String pageId,
        String name,
        long organisationId,
        String tokenStatus,
        Instant tokenCheckedAt,
        String tokenProblem,
        Instant subscribedAt) {

    public static final String VALID = "valid";
    public static final String MISSING = "missing";
    public static final String NEEDS_REAUTHORISATION = "needs_reauthorisation";
}
