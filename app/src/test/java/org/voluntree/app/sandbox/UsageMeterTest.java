package org.voluntree.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UsageMeterTest {

    private final SandboxClock clock =
            new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    private final UsageMeter meter = new UsageMeter(clock, Duration.ofHours(1), 10);

    @Test
    void usageGrowsWithCallsAndFallsAsTheyLeaveTheWindow() {
        UsageMeter.Metered first = meter.call("P1", true);
        assertThat(first.app().callCount()).isEqualTo(10);
        assertThat(first.page().callCount()).isEqualTo(10);

        clock.advance(Duration.ofMinutes(30));
        for (int i = 0; i < 3; i++) {
            meter.call(null, true);
        }
        UsageMeter.Metered fifth = meter.call("P1", true);
        assertThat(fifth.app().callCount()).isEqualTo(50);
        assertThat(fifth.page().callCount()).isEqualTo(20);
        assertThat(fifth.app().totalCputime()).isLessThanOrEqualTo(fifth.app().callCount());

        clock.advance(Duration.ofMinutes(31));
        UsageMeter.Metered later = meter.call("P1", true);
        assertThat(later.app().callCount()).as("the first call left the hour").isEqualTo(50);
        assertThat(later.page().callCount()).isEqualTo(20);
    }

    @Test
    void usageIsCappedAtOneHundred() {
        UsageMeter.Metered last = null;
        for (int i = 0; i < 25; i++) {
            last = meter.call(null, true);
        }
        assertThat(last.app().callCount()).isEqualTo(100);
        assertThat(last.page()).as("no page token, no page usage").isNull();
    }

    @Test
    void forcedPageLimitsHitOnlyThatPageAndRunOut() {
        meter.force(32, "P1", 2);

        assertThat(meter.call("P2", true).failure()).isNull();
        UsageMeter.Metered limited = meter.call("P1", true);
        assertThat(limited.failure().code()).isEqualTo(32);
        assertThat(limited.page()).isEqualTo(UsageMeter.Usage.FULL);
        assertThat(meter.call("P1", false).failure())
                .as("a refused call does not use one up")
                .isNull();
        assertThat(meter.call("P1", true).failure().code()).isEqualTo(32);
        assertThat(meter.call("P1", true).failure()).isNull();
    }

    @Test
    void aForcedLimitNamingAMethodAndPathHitsOnlyThoseCalls() {
        meter.force(32, "P1", 1, "POST", "/messages");

        assertThat(meter.call("P1", "GET", "/v24.0/P1/conversations", true).failure())
                .isNull();
        assertThat(meter.call("P1", "POST", "/v24.0/P1/feed", true).failure()).isNull();
        assertThat(meter.call("P1", "POST", "/v24.0/P1/messages", true)
                        .failure()
                        .code())
                .isEqualTo(32);
        assertThat(meter.call("P1", "POST", "/v24.0/P1/messages", true).failure())
                .as("used up")
                .isNull();
    }

    @Test
    void forcedAppLimitsHitEveryCall() {
        meter.force(4, null, 1);

        UsageMeter.Metered limited = meter.call("P1", true);
        assertThat(limited.failure().code()).isEqualTo(4);
        assertThat(limited.failure().transientError()).isTrue();
        assertThat(limited.app()).isEqualTo(UsageMeter.Usage.FULL);
    }

    @Test
    void refusesUnknownCodesAndPageLimitsWithoutAPage() {
        assertThatThrownBy(() -> meter.force(17, null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> meter.force(32, null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overridesReplaceCountingUntilCleared() {
        meter.override(null, new UsageMeter.Usage(95, 40, 60));
        assertThat(meter.call(null, true).app()).isEqualTo(new UsageMeter.Usage(95, 40, 60));

        meter.override(null, null);
        assertThat(meter.call(null, true).app().callCount()).isEqualTo(20);
    }
}
