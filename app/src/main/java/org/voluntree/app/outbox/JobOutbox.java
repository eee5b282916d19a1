package org.voluntree.app.outbox;

import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Array;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs for the Redis queues ({@code q:reply}, {@code q:publish}) kept in PostgreSQL ({@code job_outbox}) in
 * the transaction that makes the change they carry out: the Messenger notices of an admin's change to
 * people's places, an announcement, a reminder; a post to publish, or whose schedule an edit changed. So a
 * committed change always has its jobs and a rolled-back one has none. Once that transaction commits they
 * are pushed to their queues at once; those Redis does not take then (or that a crash left behind) wait for
 * the scheduler ({@link JobOutboxRelay}). A job pushed twice (the push went through, the delete did not) is
 * harmless: every consumer of these queues makes its effect once (a reply is recorded under its message and
 * notice before it is sent; a post not waiting to be published is left alone).
 */
@Repository
public class JobOutbox {

    private static final Logger log = LoggerFactory.getLogger(JobOutbox.class);

    /** Jobs pushed in one round at most. */
    static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    /** Its own transaction, also when called after another one committed. */
    private final TransactionTemplate own;

    private final StatefulRedisConnection<String, byte[]> redis;

    public JobOutbox(
            JdbcTemplate jdbc, TransactionTemplate transaction, StatefulRedisConnection<String, byte[]> redis) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transaction.getTransactionManager());
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.redis = redis;
    }

    /**
     * Keeps jobs for {@code queue} in the caller's transaction, which must be there, and pushes them to it
     * once that commits.
     */
    public void keep(String queue, List<byte[]> jobs) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("queue jobs are kept in the transaction of the change they carry out");
        }
        if (jobs.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.execute((Connection connection) -> {
            Array array = connection.createArrayOf("bytea", jobs.toArray(byte[][]::new));
            try (var statement = connection.prepareStatement(
                    "insert into job_outbox (queue, job) select ?, unnest(?::bytea[]) returning id")) {
                statement.setString(1, queue);
                statement.setArray(2, array);
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
        keptInThisTransaction().addAll(ids);
    }

    /**
     * The ids this transaction kept so far: one list, pushed in one round once it commits, however many
     * times it called {@link #keep} (a scheduler round keeps each reminder on its own).
     */
    @SuppressWarnings("unchecked")
    private List<Long> keptInThisTransaction() {
        List<Long> kept = (List<Long>) TransactionSynchronizationManager.getResource(this);
        if (kept == null) {
            List<Long> ids = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pushKept(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JobOutbox.this);
                }
            });
            kept = ids;
        }
        return kept;
    }

    /** Right after the commit: pushes those jobs, or leaves them for the relay. */
    private void pushKept(List<Long> ids) {
        try {
            push(ids);
        } catch (RuntimeException e) {
            log.warn(
                    "Redis did not take {} kept jobs; they stay in job_outbox and the scheduler queues them once it"
                            + " does: {}",
                    ids.size(),
                    e.toString());
        }
    }

    /**
     * Pushes the oldest kept jobs to their queues, first kept first taken, and forgets them; returns how many.
     * Throws, keeping them all, when Redis does not take them.
     */
    public int relay() {
        return push(null);
    }

    /** {@code ids}: those jobs (any another round is not pushing), or null for the oldest. */
    private int push(List<Long> ids) {
        Integer pushed = own.execute(status -> {
            List<Long> taken = new ArrayList<>();
            Map<String, List<byte[]>> byQueue = new LinkedHashMap<>();
            jdbc.query(
                    ids == null
                            ? "select id, queue, job from job_outbox order by id limit ? for update skip locked"
                            : "select id, queue, job from job_outbox where id = any(?) order by id for update skip locked",
                    rs -> {
                        taken.add(rs.getLong(1));
                        byQueue.computeIfAbsent(rs.getString(2), q -> new ArrayList<>())
                                .add(rs.getBytes(3));
                    },
                    ids == null ? BATCH : ids.toArray(Long[]::new));
            if (taken.isEmpty()) {
                return 0;
            }
            byQueue.forEach((queue, jobs) -> redis.sync().lpush(queue, jobs.toArray(byte[][]::new)));
            jdbc.update("delete from job_outbox where id = any(?)", (Object) taken.toArray(Long[]::new));
            return taken.size();
        });
        return pushed == null ? 0 : pushed;
    }

    /** Jobs waiting. */
    public long waiting() {
        return jdbc.queryForObject("select count(*) from job_outbox", Long.class);
    }
}
