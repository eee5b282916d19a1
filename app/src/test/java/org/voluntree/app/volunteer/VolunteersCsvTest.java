package org.voluntree.app.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolunteersCsvTest {

    @Test
    void quotesCellsThatNeedItAndDefusesFormulas() {
        assertThat(VolunteersCsv.cell("Maya Cruz")).isEqualTo("Maya Cruz");
        assertThat(VolunteersCsv.cell("Cruz, Maya")).isEqualTo("\"Cruz, Maya\"");
        assertThat(VolunteersCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(VolunteersCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(VolunteersCsv.cell("+1 555")).isEqualTo("'+1 555");
        assertThat(VolunteersCsv.cell(null)).isEmpty();
    }

    @Test
    void writesAHeaderAndOneLinePerVolunteer() {
        Volunteers.Summary maya = new Volunteers.Summary(
                7,
                "Maya",
                List.of("f1", "f2"),
                Instant.parse("2026-11-25T10:00:00Z"),
                2,
                3,
                new Volunteers.LastMessage(9, "Count me in", Instant.parse("2026-11-25T11:00:00Z"), "positive"));

        assertThat(VolunteersCsv.write(List.of(maya)))
                .isEqualTo(VolunteersCsv.HEADER + "\r\n"
                        + "7,Maya,f1 f2,2026-11-25T10:00:00Z,2,3,2026-11-25T11:00:00Z,Count me in\r\n");
    }
}
