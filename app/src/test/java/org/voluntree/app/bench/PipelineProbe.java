package org.voluntree.app.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Looks at every stage from outside: the length of {@code q:preprocess} (and of {@code q:reply}), what each stream's
 * consumer group has not read yet ({@code lag}) and has read but not acknowledged
 * ({@code pending}), how many entries each stream received, and how many classified rows
 * PostgreSQL holds.
 */
final class PipelineProbe implements AutoCloseable {

    private static final int FULL_COUNT_EVERY = 50;

    /** One look at the pipeline. Counters only grow; backlogs go up and down. */
    record Sample(
            long atNanos,
            long queued,
            long featurised,
            long gearLag,
            long gearPending,
            long classified,
            long writerLag,
            long writerPending,
            long stored,
            long replyJobs) {

        long gearBacklog() {
            return gearLag + gearPending;
        }

        long writerBacklog() {
            return writerLag + writerPending;
        }
    }

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Connection database;
    private long looks;
    private long counted;
    private long highestCounted;

    PipelineProbe(String redisUrl, String jdbcUrl) throws SQLException {
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect();
        this.redis = connection.sync();
        this.database = DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    Sample sample() {
        long now = System.nanoTime();
        long queued = redis.llen(RedisNames.PREPROCESS_QUEUE);
        long featurised = redis.xlen(RedisNames.COMMENTS_STREAM);
        Map<String, Object> gear = group(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP);
        long classified = redis.xlen(RedisNames.CLASSIFIED_STREAM);
        Map<String, Object> writer = group(RedisNames.CLASSIFIED_STREAM, RedisNames.WRITER_GROUP);
        return new Sample(
                now,
                queued,
                featurised,
                number(gear, "lag", featurised - number(gear, "entries-read", 0)),
                number(gear, "pending", 0),
                classified,
                number(writer, "lag", classified - number(writer, "entries-read", 0)),
                number(writer, "pending", 0),
                storedMessages(),
                redis.llen(RedisNames.REPLY_QUEUE));
    }

    /**
     * Classified messages in PostgreSQL (one intent verdict per stored message). Counting the whole
     * table ten times a second took a noticeable share of PostgreSQL's CPU once it held some 100,000
     * rows, away from the writer being measured; so only the rows above the highest message id
     * seen so far are counted, and the whole table every {@value #FULL_COUNT_EVERY} looks (a
     * transaction that commits lower ids after higher ones, which one writer thread never does, is
     * caught there).
     */
    long storedMessages() {
        boolean full = ++looks % FULL_COUNT_EVERY == 0;
        try (PreparedStatement statement = database.prepareStatement(
                "select count(*), max(message_id) from classifications where analyzer = 'intent' and message_id > ?")) {
            statement.setLong(1, full ? 0 : highestCounted);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                long highest = rs.getLong(2);
                if (full) {
                    counted = count;
                    highestCounted = highest;
                } else if (count > 0) {
                    counted += count;
                    highestCounted = highest;
                }
                return counted;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Empties the message tables and every table that refers to them (replies, slot places...); the
     * demo organisation, page and admin stay. Nothing to do before the first migration.
     */
    void truncateMessages() {
        try (Statement statement = database.createStatement()) {
            if (statement
                            .executeQuery("select to_regclass('messages') is not null")
                            .next()
                    && statement.getResultSet().getBoolean(1)) {
                statement.execute("truncate messages, classifications, volunteers, interests cascade");
                counted = 0;
                highestCounted = 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets the statement statistics gathered so far ({@code pg_stat_statements}, loaded on request). */
    void resetStatementStatistics() {
        try (Statement statement = database.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements that took PostgreSQL the most time since the reset, one line each, costliest first. */
    List<String> costliestStatements(int limit) {
        List<String> lines = new ArrayList<>();
        try (Statement statement = database.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select total_exec_time, calls, rows, regexp_replace(query, '\\s+', ' ', 'g')
                          from pg_stat_statements order by total_exec_time desc limit %d
                        """.formatted(limit))) {
            while (rows.next()) {
                String query = rows.getString(4);
                lines.add(String.format(
                        "%8.0f ms %7d calls %8d rows  %s",
                        rows.getDouble(1),
                        rows.getLong(2),
                        rows.getLong(3),
                        query.length() > 150 ? query.substring(0, 150) + "…" : query));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    private Map<String, Object> group(String stream, String name) {
        try {
            for (Object group : redis.xinfoGroups(stream)) {
                Map<String, Object> fields = pairs((List<?>) group);
                if (name.equals(fields.get("name"))) {
                    return fields;
                }
            }
        } catch (RedisCommandExecutionException noStreamYet) {
            // the consumer creates it when it starts
        }
        return Map.of();
    }

    private static Map<String, Object> pairs(List<?> list) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put(String.valueOf(list.get(i)), list.get(i + 1));
        }
        return map;
    }

    private static long number(Map<String, Object> fields, String key, long otherwise) {
        Object value = fields.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        client.shutdown();
        database.close();
    }
}
