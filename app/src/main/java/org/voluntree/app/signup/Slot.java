package org.voluntree.app.signup;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A time slot of a signup and how many places are left. */
public record Slot(
        long id, long signupId, Instant startsAt, Instant endsAt, String label, int required, int confirmed) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    public int remaining() {
        return Math.max(0, required - confirmed);
    }

    /**
     * How the slot reads to people, with the zone its times are in as it is called on that date, e.g.
     * "Sat 30 Nov 09:00–12:00 GMT (sorting)"; across a clock change each end names its own
     * ("Sun 29 Mar 00:00 GMT–04:00 BST").
     */
    public String describe(ZoneId zone) {
        ZonedDateTime start = startsAt.atZone(zone);
        ZonedDateTime end = endsAt.atZone(zone);
        String startZone = zoneName(start);
        String endZone = zoneName(end);
        return start.format(DAY) + (startZone.equals(endZone) ? "" : " " + startZone) + "–" + end.format(TIME) + " "
                + endZone + (label == null ? "" : " (" + label + ")");
    }

    /**
     * The start alone, short enough for a quick-reply button (Messenger cuts titles at 20 characters,
     * so no zone: the menu the button belongs to names it).
     */
    public String start(ZoneId zone) {
        return startsAt.atZone(zone).format(DAY);
    }

    /** A time as a slot's start reads, with its zone ("Sat 30 Nov 09:00 GMT"). */
    public static String time(Instant time, ZoneId zone) {
        ZonedDateTime local = time.atZone(zone);
        return local.format(DAY) + " " + zoneName(local);
    }

    /** The zone's short name in force at that time ("UTC", "GMT", "BST", "CET"); a fixed offset as "UTC+02:00". */
    private static String zoneName(ZonedDateTime time) {
        if (time.getZone() instanceof ZoneOffset offset) {
            // java.time names a bare offset "Z" or "+02:00", which nobody reads as a time zone
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return time.format(ZONE_NAME);
    }
}
