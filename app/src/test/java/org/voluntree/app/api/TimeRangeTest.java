package org.voluntree.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void defaultsToTheSpanBeforeNow() {
        TimeRange range = TimeRange.of(null, null, NOW, Duration.ofDays(7), Duration.ofDays(366));

        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-18T12:00:00Z"));
        assertThat(range.to()).isEqualTo(NOW);
    }

    @Test
    void refusesABackwardOrTooLongRangeNamingFrom() {
        assertThatThrownBy(() -> TimeRange.of(NOW, NOW.minusSeconds(1), NOW, Duration.ofDays(1), Duration.ofDays(2)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() ->
                        TimeRange.of(NOW.minus(Duration.ofDays(3)), NOW, NOW, Duration.ofDays(1), Duration.ofDays(2)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("at most 2 days"));
    }
}
