package org.voluntree.app.volunteer;

import java.util.List;
import org.voluntree.app.api.CsvCells;

/** Volunteers as RFC 4180 CSV, each cell made safe for a spreadsheet ({@link CsvCells}). */
final class VolunteersCsv {

    static final String HEADER =
            "id,name,facebook_user_ids,first_seen_at,interests,messages,last_message_at,last_message";

    private VolunteersCsv() {}

    static String write(List<Volunteers.Summary> volunteers) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Volunteers.Summary v : volunteers) {
            csv.append(v.id())
                    .append(',')
                    .append(cell(v.name()))
                    .append(',')
                    .append(cell(String.join(" ", v.facebookUserIds())))
                    .append(',')
                    .append(v.firstSeenAt())
                    .append(',')
                    .append(v.interests())
                    .append(',')
                    .append(v.messages())
                    .append(',')
                    .append(
                            v.lastMessage() == null
                                    ? ""
                                    : v.lastMessage().createdAt().toString())
                    .append(',')
                    .append(cell(
                            v.lastMessage() == null ? null : v.lastMessage().text()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        return CsvCells.cell(value);
    }
}
