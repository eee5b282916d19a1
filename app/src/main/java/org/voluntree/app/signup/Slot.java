package org.voluntree.app.signup;

import java.time.Instant;

/** A time slot of a signup and how many places are left. */
public record Slot(long id, long signupId, Instant startsAt, Instant endsAt, String label, int required,
        int confirmed) {

    public int remaining() {
        return Math.max(0, required - confirmed);
    }
}
