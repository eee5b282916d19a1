package org.voluntree.app.settings;

import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL that reads and writes an organisation's settings (the columns of {@code V3__replies.sql}). */
@Repository
class SettingsStore {

    private final JdbcTemplate jdbc;

    SettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    OrganisationSettings of(long organisationId) {
        return jdbc.queryForObject(
                """
                select event_info, requirements_info, donation_info, verification_required, auto_replies
                  from organisations where id = ?
                """,
                (rs, n) -> new OrganisationSettings(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), Arrays.asList((String[])
                                rs.getArray(5).getArray())),
                organisationId);
    }

    void save(long organisationId, OrganisationSettings settings) {
        List<String> automatic = OrganisationSettings.INTENTS.stream()
                .filter(settings.autoReplies()::contains)
                .toList();
        jdbc.update(
                """
                update organisations set event_info = ?, requirements_info = ?, donation_info = ?,
                       verification_required = ?, auto_replies = ?::text[]
                 where id = ?
                """,
                blankToNull(settings.eventInfo()),
                blankToNull(settings.requirementsInfo()),
                blankToNull(settings.donationInfo()),
                settings.verificationRequired(),
                automatic.toArray(String[]::new),
                organisationId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
