package org.voluntree.app.conversation;

import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Array;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.contracts.redis.RedisNames;

/**
 * The {@code q:reply} jobs of Messenger notices ({@link PlaceNotices}), kept in PostgreSQL
 * ({@code reply_outbox}) in the transaction that makes the change they tell of, so a committed change
 * always has its notices and a rolled-back one has none. Once that transaction commits they are pushed to
 * {@code q:reply} at once; those Redis does not take then (or that a crash left behind) wait for the
 * scheduler ({@link ReplyOutboxRelay}). A job pushed twice (the push went through, the delete did not) is
 * answered once: every reply is recorded under its message and notice before it is sent.
 */
@Repository
class ReplyOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReplyOutbox.class);

    /** Jobs pushed in one round at most. */
    static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    /** Its own transaction, also when called after another one committed. */
    private final TransactionTemplate own;

    private final StatefulRedisConnection<String, byte[]> redis;

    ReplyOutbox(JdbcTemplate jdbc, TransactionTemplate transaction, StatefulRedisConnection<String, byte[]> redis) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transaction.getTransactionManager());
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.redis = redis;
    }

    /**
     * Keeps the jobs in the caller's transaction, which must be there, and pushes them to {@code q:reply}
     * once it commits.
     */
    void keep(List<byte[]> jobs) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Messenger notices are kept in the transaction of the change they tell of");
        }
        List<Long> ids = jdbc.execute((Connection connection) -> {
            Array array = connection.createArrayOf("bytea", jobs.toArray(byte[][]::new));
            try (var statement = connection.prepareStatement(
                    "insert into reply_outbox (job) select unnest(?::bytea[]) returning id")) {
                statement.setArray(1, array);
                List<Long> kept = new ArrayList<>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        kept.add(rows.getLong(1));
                    }
                }
                return kept;
            } finally {
                array.free();
            }
        });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pushKept(ids);
            }
        });
    }

    /** Right after the commit: pushes those jobs, or leaves them for the relay. */
    private void pushKept(List<Long> ids) {
        try {
            push(ids);
        } catch (RuntimeException e) {
            log.warn(
                    "Redis did not take {} Messenger notices; kept in reply_outbox, the scheduler queues them once it"
                            + " does: {}",
                    ids.size(),
                    e.toString());
        }
    }

    /**
     * Pushes the oldest kept jobs to {@code q:reply}, first kept first answered, and forgets them; returns
     * how many. Throws, keeping them all, when Redis does not take them.
     */
    int relay() {
        return push(null);
    }

    /** {@code ids}: those jobs (any another round is not pushing), or null for the oldest. */
    private int push(List<Long> ids) {
        Integer pushed = own.execute(status -> {
            List<Long> taken = new ArrayList<>();
            List<byte[]> jobs = jdbc.query(
                    ids == null
                            ? "select id, job from reply_outbox order by id limit ? for update skip locked"
                            : "select id, job from reply_outbox where id = any(?) order by id for update skip locked",
                    (rs, n) -> {
                        taken.add(rs.getLong(1));
                        return rs.getBytes(2);
                    },
                    ids == null ? BATCH : ids.toArray(Long[]::new));
            if (jobs.isEmpty()) {
                return 0;
            }
            redis.sync().lpush(RedisNames.REPLY_QUEUE, jobs.toArray(byte[][]::new));
            jdbc.update("delete from reply_outbox where id = any(?)", (Object) taken.toArray(Long[]::new));
            return jobs.size();
        });
        return pushed == null ? 0 : pushed;
    }

    /** Jobs waiting. */
    long waiting() {
        return jdbc.queryForObject("select count(*) from reply_outbox", Long.class);
    }
}
