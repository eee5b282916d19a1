package org.voluntree.app.signup;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.voluntree.app.api.CsvCells;

/** A signup's roster as RFC 4180 CSV, each cell made safe for a spreadsheet ({@link CsvCells}). */
final class RosterCsv {

    static final String HEADER = "slot_starts_at,slot_ends_at,slot_label,volunteer_id,name,email,confirmed_at,source";

    private RosterCsv() {}

    /** Times as ISO-8601 with the offset of {@code zone}, so a spreadsheet shows the local time and none is lost. */
    static String write(List<SignupStore.RosterLine> lines, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SignupStore.RosterLine line : lines) {
            csv.append(time.format(line.slot().startsAt()))
                    .append(',')
                    .append(time.format(line.slot().endsAt()))
                    .append(',')
                    .append(CsvCells.cell(line.slot().label()))
                    .append(',')
                    .append(line.volunteerId())
                    .append(',')
                    .append(CsvCells.cell(line.name()))
                    .append(',')
                    .append(CsvCells.cell(line.email()))
                    .append(',')
                    .append(time.format(line.confirmedAt()))
                    .append(',')
                    .append(CsvCells.cell(line.source()))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
