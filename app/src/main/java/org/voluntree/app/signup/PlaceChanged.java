package org.voluntree.app.signup;

import java.time.Instant;
import java.util.List;

/**
 * An admin changed a place someone holds, published in the transaction that makes the change, so that the
 * notices telling the volunteers concerned in Messenger are kept with it (a listener needs that
 * transaction). A Spring application event.
 */
public sealed interface PlaceChanged {

    long organisationId();

    long slotId();

    /** The slot, with people confirmed in it, moved to these times. */
    record SlotMoved(long organisationId, long slotId, Instant startsAt, Instant endsAt) implements PlaceChanged {}

    /**
     * The slot was removed with the places in it (the admin said so): these volunteer rows held them.
     * The slot's row is gone, so its signup and times travel with the event.
     */
    record SlotRemoved(
            long organisationId, long slotId, long signupId, Instant startsAt, Instant endsAt, List<Long> volunteerIds)
            implements PlaceChanged {}

    /** The volunteer's place in the slot was given up by an admin. */
    record PlaceTakenBack(long organisationId, long slotId, long volunteerId) implements PlaceChanged {}
}
