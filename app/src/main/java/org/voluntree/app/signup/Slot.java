package org.voluntree.app.signup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A time slot of a signup and how many places are left. */
public record Slot(
        long id, long signupId, Instant startsAt, Instant endsAt, String label, int required, int confirmed) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public int remaining() {
        return Math.max(0, required - confirmed);
    }

    /** How the slot reads to people, e.g. "Sat 30 Nov 09:00–12:00 (sorting)". */
    public String describe(ZoneId zone) {
        return startsAt.atZone(zone).format(DAY) + "–" + endsAt.atZone(zone).format(TIME)
                + (label == null ? "" : " (" + label + ")");
    }

    /** The start alone, short enough for a quick-reply button. */
    public String start(ZoneId zone) {
        return startsAt.atZone(zone).format(DAY);
    }
}
