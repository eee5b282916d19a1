package org.voluntree.app.signup;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An edit would move slots onto times that overlap other places held by people confirmed in them (a
 * person holds no two places at once); it changed nothing. Says how many people, never who.
 */
public class SlotsWouldOverlapException extends RuntimeException {

    /**
     * A moved slot that would overlap.
     *
     * @param index the slot's place in the request's {@code slots}
     * @param slot the slot with the times the edit gives it
     * @param people how many of the people confirmed in it hold another place at overlapping times
     */
    record Overlap(int index, Slot slot, int people) {}

    private final String field;

    SlotsWouldOverlapException(long signupId, List<Overlap> overlaps, ZoneId zone) {
        super("this edit would give volunteers two places at once: "
                + overlaps.stream().map(o -> describe(o, zone)).collect(Collectors.joining(", "))
                + "; nothing was changed: choose times clear of their other places, or keep the slot's times and"
                + " add a new slot at the new ones (GET /api/signups/" + signupId
                + "/volunteers lists who is confirmed in each slot)");
        this.field = "slots[" + overlaps.get(0).index() + "]";
    }

    private static String describe(Overlap overlap, ZoneId zone) {
        Slot slot = overlap.slot();
        return slot.describe(zone) + " overlaps another place held by "
                + (slot.confirmed() == 1
                        ? "its 1 confirmed volunteer"
                        : overlap.people() + " of its " + slot.confirmed() + " confirmed volunteers");
    }

    /** The request's first slot at fault, {@code slots[i]}. */
    public String field() {
        return field;
    }
}
