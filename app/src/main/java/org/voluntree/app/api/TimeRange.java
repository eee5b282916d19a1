package org.voluntree.app.api;

import java.time.Duration;
import java.time.Instant;

/** A half-open range of time [from, to) taken from {@code from} and {@code to} query parameters. */
public record TimeRange(Instant from, Instant to) {

    /**
     * The range asked for: {@code to} defaults to now, {@code from} to {@code to} minus the default
     * span; {@code from} must come before {@code to}, at most {@code longest} apart.
     */
    public static TimeRange of(Instant from, Instant to, Instant now, Duration defaultSpan, Duration longest) {
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(defaultSpan) : from;
        if (!start.isBefore(end)) {
            throw InvalidFieldException.of("from", "must be before 'to' (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(longest) > 0) {
            throw InvalidFieldException.of("from", "the range may span at most " + longest.toDays() + " days");
        }
        return new TimeRange(start, end);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
