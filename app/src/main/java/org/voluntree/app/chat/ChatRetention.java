package org.voluntree.app.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Deletes chat messages older than a retention period, in batches so that a large backlog never
 * holds one long transaction. Used by the scheduler role and by {@code chat purge}.
 */
@Service
public class ChatRetention {

    private static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public ChatRetention(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ChatRetention(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Deletes every message created before now minus {@code retention}; returns how many. */
    public long purgeOlderThan(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention must be positive, not " + retention);
        }
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.update("""
                    delete from chat_messages where id in (
                        select id from chat_messages where created_at < ? order by created_at limit ?)
                    """, cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
