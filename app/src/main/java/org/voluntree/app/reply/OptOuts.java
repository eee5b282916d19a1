package org.voluntree.app.reply;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** People who said "stop" or "unsubscribe": honoured by every automatic reply and message of the organisation. */
@Repository
public class OptOuts {

    private final JdbcTemplate jdbc;

    OptOuts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isOptedOut(long organisationId, String facebookUserId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from opt_outs where organisation_id = ? and facebook_user_id = ?)
                """, Boolean.class, organisationId, facebookUserId));
    }

    public void optOut(long organisationId, String facebookUserId) {
        jdbc.update("""
                insert into opt_outs (organisation_id, facebook_user_id) values (?, ?) on conflict do nothing
                """, organisationId, facebookUserId);
    }
}
