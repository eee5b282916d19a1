package org.voluntree.app.api;

import java.time.Duration;
import java.time.Instant;

/** The rule for a time an admin plans ahead (a slot of an event, a scheduled post). */
public final class PlannedTimes {

    /**
     * How far ahead a planned time may be: further is almost surely a mistyped year, and the
     * extreme ones ({@code +999999-01-01}) are beyond what PostgreSQL can store.
     */
    public static final Duration FARTHEST_AHEAD = Duration.ofDays(5 * 366);

    private PlannedTimes() {}

    /** 400 naming {@code field} when {@code time} is more than {@link #FARTHEST_AHEAD} after {@code now}. */
    public static void requireNotTooFarAhead(String field, Instant time, Instant now) {
        if (time.isAfter(now.plus(FARTHEST_AHEAD))) {
            throw InvalidFieldException.of(field, "is more than 5 years ahead (" + time + "); check the year");
        }
    }
}
