package org.voluntree.app.post;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.voluntree.app.signup.Slot;

/** How a slot's time reads in a post. */
final class ScheduleText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private ScheduleText() {
    }

    static String describe(Slot slot, ZoneId zone) {
        return slot.startsAt().atZone(zone).format(DAY) + "–" + slot.endsAt().atZone(zone).format(TIME)
                + (slot.label() == null ? "" : " (" + slot.label() + ")");
    }
}
