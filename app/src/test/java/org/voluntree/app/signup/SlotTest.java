package org.voluntree.app.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlotTest {

    static final Instant WINTER = Instant.parse("2026-11-28T09:00:00Z");
    static final Instant SUMMER = Instant.parse("2026-07-04T09:00:00Z");

    @Test
    void aSlotNamesTheZoneItsTimesAreIn() {
        Slot sorting = new Slot(1, 1, WINTER, WINTER.plusSeconds(3 * 3600), "sorting", 2, 0);

        assertThat(sorting.describe(ZoneId.of("UTC"))).isEqualTo("Sat 28 Nov 09:00–12:00 UTC (sorting)");
        assertThat(sorting.describe(ZoneId.of("Europe/Berlin"))).isEqualTo("Sat 28 Nov 10:00–13:00 CET (sorting)");
    }

    @Test
    void theZonesNameIsTheOneInForceOnThatDate() {
        Slot winter = new Slot(1, 1, WINTER, WINTER.plusSeconds(3 * 3600), null, 2, 0);
        Slot summer = new Slot(2, 1, SUMMER, SUMMER.plusSeconds(3 * 3600), null, 2, 0);
        ZoneId london = ZoneId.of("Europe/London");

        assertThat(winter.describe(london)).isEqualTo("Sat 28 Nov 09:00–12:00 GMT");
        assertThat(summer.describe(london)).isEqualTo("Sat 4 Jul 10:00–13:00 BST");
    }

    @Test
    void aSlotAcrossAClockChangeNamesTheZoneAtEachEnd() {
        // Europe/London goes from GMT to BST at 01:00 UTC on 29 March 2026
        Instant night = Instant.parse("2026-03-29T00:00:00Z");
        Slot watch = new Slot(1, 1, night, night.plusSeconds(3 * 3600), null, 1, 0);

        assertThat(watch.describe(ZoneId.of("Europe/London"))).isEqualTo("Sun 29 Mar 00:00 GMT–04:00 BST");
    }

    @Test
    void aFixedOffsetReadsAsAnOffsetFromUtc() {
        Slot slot = new Slot(1, 1, WINTER, WINTER.plusSeconds(3 * 3600), null, 1, 0);

        assertThat(slot.describe(ZoneOffset.UTC)).isEqualTo("Sat 28 Nov 09:00–12:00 UTC");
        assertThat(slot.describe(ZoneOffset.ofHours(2))).isEqualTo("Sat 28 Nov 11:00–14:00 UTC+02:00");
    }
}
