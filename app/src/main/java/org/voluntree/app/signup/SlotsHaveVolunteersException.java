package org.voluntree.app.signup;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** An edit would remove slots that people are confirmed in; it changed nothing. */
public class SlotsHaveVolunteersException extends RuntimeException {

    SlotsHaveVolunteersException(List<Slot> slots, ZoneId zone) {
        super("this edit removes "
                + slots.stream()
                        .map(s -> s.describe(zone) + " (" + s.confirmed() + " confirmed)")
                        .collect(Collectors.joining(", "))
                + "; keep the slot (change its times instead: its volunteers stay), or send"
                + " removeConfirmedVolunteers: true to remove it with their places");
    }
}
