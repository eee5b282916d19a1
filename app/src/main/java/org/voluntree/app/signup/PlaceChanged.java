package org.voluntree.app.signup;

import java.time.Instant;

/**
 * An admin changed a place someone holds, published after the change is committed: the volunteers
 * concerned are told in Messenger. A Spring application event.
 */
public sealed interface PlaceChanged {

    long organisationId();

    long slotId();

    /** The slot, with people confirmed in it, moved to these times. */
    record SlotMoved(long organisationId, long slotId, Instant startsAt, Instant endsAt) implements PlaceChanged {}

    /** The volunteer's place in the slot was given up by an admin. */
    record PlaceTakenBack(long organisationId, long slotId, long volunteerId) implements PlaceChanged {}
}
