package org.voluntree.app.reply;

import java.sql.Array;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL that reads an organisation's reply settings. */
@Repository
public class ReplySettingsStore {

    private final JdbcTemplate jdbc;

    ReplySettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReplySettings of(long organisationId) {
        return jdbc.queryForObject(
                """
                select name, event_info, requirements_info, donation_info, verification_required, auto_replies
                  from organisations where id = ?
                """,
                (rs, n) -> {
                    Array automatic = rs.getArray(6);
                    Set<String> intents = new HashSet<>(Arrays.asList((String[]) automatic.getArray()));
                    return new ReplySettings(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            intents);
                },
                organisationId);
    }
}
