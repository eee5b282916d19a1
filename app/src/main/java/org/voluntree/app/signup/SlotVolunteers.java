package org.voluntree.app.signup;

import java.time.Instant;
import java.util.List;

/** The volunteers confirmed in one slot, in the order they confirmed. */
public record SlotVolunteers(long slotId, List<Confirmed> volunteers) {

    /** A confirmed volunteer: who, and since when. */
    public record Confirmed(long volunteerId, String name, String source, Instant confirmedAt) {}
}
