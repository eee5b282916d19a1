package org.voluntree.app.conversation;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.contracts.redis.RedisNames;

/**
 * {@code q:reply} jobs kept in PostgreSQL ({@code reply_outbox}) because Redis did not take them when they
 * were made: the notices of an admin's change that was already committed ({@link PlaceNotices}). The
 * scheduler pushes them on ({@link ReplyOutboxRelay}). A job pushed twice (the push went through, the
 * delete did not) is answered once: every reply is recorded under its message and notice before it is sent.
 */
@Repository
class ReplyOutbox {

    /** Jobs pushed in one round at most. */
    static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StatefulRedisConnection<String, byte[]> redis;

    ReplyOutbox(JdbcTemplate jdbc, TransactionTemplate transaction, StatefulRedisConnection<String, byte[]> redis) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.redis = redis;
    }

    void keep(List<byte[]> jobs) {
        jdbc.batchUpdate("insert into reply_outbox (job) values (?)", jobs, BATCH, (ps, job) -> ps.setBytes(1, job));
    }

    /**
     * Pushes the oldest kept jobs to {@code q:reply}, first kept first answered, and forgets them; returns
     * how many. Throws, keeping them all, when Redis does not take them.
     */
    int relay() {
        Integer pushed = transaction.execute(status -> {
            List<Long> ids = new ArrayList<>();
            List<byte[]> jobs = jdbc.query(
                    "select id, job from reply_outbox order by id limit ? for update skip locked",
                    (rs, n) -> {
                        ids.add(rs.getLong(1));
                        return rs.getBytes(2);
                    },
                    BATCH);
            if (jobs.isEmpty()) {
                return 0;
            }
            redis.sync().lpush(RedisNames.REPLY_QUEUE, jobs.toArray(byte[][]::new));
            jdbc.update("delete from reply_outbox where id = any(?)", (Object) ids.toArray(Long[]::new));
            return jobs.size();
        });
        return pushed == null ? 0 : pushed;
    }

    /** Jobs waiting. */
    long waiting() {
        return jdbc.queryForObject("select count(*) from reply_outbox", Long.class);
    }
}
