package org.voluntree.contracts.stream;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.Backoff;
import org.voluntree.contracts.redis.RedisCodecs;

/**
 * Runs one consumer of a stream's consumer group on a thread of its own.
 *
 * <p>Each turn it blocks for the first entry, then adds what is already waiting, up to N entries
 * and for at most T after the first; it closes the batch as soon as a read finds nothing more
 * rather than waiting for entries that have not arrived (under load, entries pile up while a
 * batch is handled and the next batch fills by itself; at a low rate, a message does not wait T
 * for company). It hands the batch to the {@link StreamBatchHandler}, acknowledges what the
 * handler finished and dead-letters what it rejected. Every {@code claimEvery} it takes over,
 * with {@code XAUTOCLAIM}, entries idle longer than {@code claimMinIdle} in another consumer's
 * pending list (that consumer died), after first moving entries delivered {@code maxDeliveries}
 * times to {@code s:dead}.
 */
public final class StreamGroupConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamGroupConsumer.class);

    private final RedisClient client;
    private final StreamConsumerSettings settings;
    private final StreamBatchHandler handler;
    private final AtomicLong handled = new AtomicLong();
    private StatefulRedisConnection<String, byte[]> reading;
    private StatefulRedisConnection<String, byte[]> commands;
    private DeadLetters deadLetters;
    private Thread thread;
    private volatile boolean running;
    private long lastClaim;

    public StreamGroupConsumer(RedisClient client, StreamConsumerSettings settings, StreamBatchHandler handler) {
        this.client = client;
        this.settings = settings;
        this.handler = handler;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        reading = client.connect(RedisCodecs.STRING_BYTES);
        reading.setTimeout(settings.maxWait().plusSeconds(10));
        commands = client.connect(RedisCodecs.STRING_BYTES);
        deadLetters = new DeadLetters(commands.sync());
        createGroup(commands.sync(), settings.stream(), settings.group());
        running = true;
        lastClaim = System.nanoTime() - settings.claimEvery().toNanos();
        thread = new Thread(this::run, settings.group() + "-" + settings.consumer());
        thread.start();
        log.info(
                "Consumer {} of group {} reading {} in batches of up to {} entries or {} ms",
                settings.consumer(),
                settings.group(),
                settings.stream(),
                settings.batchSize(),
                settings.maxWait().toMillis());
    }

    /** Creates the group at the start of the stream (and the stream) unless it exists. */
    public static void createGroup(RedisCommands<String, byte[]> redis, String stream, String group) {
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyThere) {
            // another consumer created it first
        }
    }

    /** Entries acknowledged since start. */
    public long handledCount() {
        return handled.get();
    }

    private void run() {
        Backoff backoff = new Backoff();
        while (running) {
            try {
                if (System.nanoTime() - lastClaim >= settings.claimEvery().toNanos()) {
                    lastClaim = System.nanoTime();
                    reclaim();
                }
                List<StreamMessage<String, byte[]>> batch = readBatch();
                if (!batch.isEmpty()) {
                    process(batch);
                }
                backoff.reset();
            } catch (RedisCommandExecutionException e) {
                if (!running) {
                    break;
                }
                if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                    // the stream or its group was deleted (a flushed or replaced Redis): start again
                    log.warn("Group {} of {} is gone, creating it again", settings.group(), settings.stream());
                    createGroup(commands.sync(), settings.stream(), settings.group());
                } else {
                    log.error("{} failed on {}: {}", settings.consumer(), settings.stream(), e.getMessage());
                    backoff.pause();
                }
            } catch (RedisConnectionException | RedisCommandTimeoutException e) {
                if (!running) {
                    break;
                }
                log.warn(
                        "Redis unavailable to {} ({}), retrying in {}",
                        settings.consumer(),
                        e.getClass().getSimpleName(),
                        backoff.next());
                backoff.pause();
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                // the exception's own message may quote the batch's values (a JDBC batch entry
                // does): its kind at ERROR, the whole of it only at DEBUG
                log.error(
                        "{} failed on a batch of {}; its entries stay pending and will be retried: {}",
                        settings.consumer(),
                        settings.stream(),
                        kinds(e));
                log.debug("The batch's failure in full", e);
                backoff.pause();
            }
        }
    }

    private List<StreamMessage<String, byte[]>> readBatch() {
        Consumer<String> me = Consumer.from(settings.group(), settings.consumer());
        XReadArgs.StreamOffset<String> next = XReadArgs.StreamOffset.lastConsumed(settings.stream());
        List<StreamMessage<String, byte[]>> batch = new ArrayList<>(reading.sync()
                .xreadgroup(me, XReadArgs.Builder.count(settings.batchSize()).block(settings.maxWait()), next));
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (!batch.isEmpty() && batch.size() < settings.batchSize() && running) {
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            List<StreamMessage<String, byte[]>> more =
                    reading.sync().xreadgroup(me, XReadArgs.Builder.count(settings.batchSize() - batch.size()), next);
            if (more.isEmpty()) {
                break;
            }
            batch.addAll(more);
        }
        return batch;
    }

    private void reclaim() {
        RedisCommands<String, byte[]> redis = commands.sync();
        deadLetterOverdelivered(redis);
        String cursor = "0-0";
        do {
            ClaimedMessages<String, byte[]> claimed = redis.xautoclaim(
                    settings.stream(),
                    XAutoClaimArgs.Builder.<String>xautoclaim(
                                    Consumer.from(settings.group(), settings.consumer()),
                                    settings.claimMinIdle(),
                                    cursor)
                            .count(settings.batchSize()));
            List<StreamMessage<String, byte[]>> entries = withoutOverdelivered(
                    redis,
                    claimed.getMessages().stream()
                            .filter(m -> m.getBody() != null && !m.getBody().isEmpty())
                            .toList());
            if (!entries.isEmpty()) {
                log.warn(
                        "{} took over {} entries of {} left pending by a stopped consumer",
                        settings.consumer(),
                        entries.size(),
                        settings.stream());
                process(entries);
            }
            cursor = claimed.getId();
        } while (!"0-0".equals(cursor) && running);
    }

    private void deadLetterOverdelivered(RedisCommands<String, byte[]> redis) {
        List<PendingMessage> pending = redis.xpending(
                settings.stream(),
                XPendingArgs.Builder.xpending(settings.group(), Range.create("-", "+"), Limit.from(1000))
                        .idle(settings.claimMinIdle()));
        for (PendingMessage entry : pending) {
            if (entry.getRedeliveryCount() >= settings.maxDeliveries()) {
                List<StreamMessage<String, byte[]>> found =
                        redis.xrange(settings.stream(), Range.create(entry.getId(), entry.getId()));
                deadLetter(
                        redis,
                        entry.getId(),
                        found.isEmpty() ? Map.of() : found.get(0).getBody(),
                        entry.getRedeliveryCount());
            }
        }
    }

    /**
     * The claimed entries that may run once more. The check above and {@code XAUTOCLAIM} are two
     * commands, and each compares the idle time with the clock of its own moment: an entry that
     * became idle enough between them was claimed without being checked, and claiming counted
     * one more delivery. Such an entry, now delivered more than {@code maxDeliveries} times, is
     * dead-lettered here instead of running again.
     */
    private List<StreamMessage<String, byte[]>> withoutOverdelivered(
            RedisCommands<String, byte[]> redis, List<StreamMessage<String, byte[]>> claimed) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        Map<String, Long> deliveries = new HashMap<>();
        Range<String> ids = Range.create(
                claimed.get(0).getId(), claimed.get(claimed.size() - 1).getId());
        for (PendingMessage entry : redis.xpending(
                settings.stream(),
                XPendingArgs.Builder.xpending(
                        Consumer.from(settings.group(), settings.consumer()),
                        ids,
                        Limit.from(claimed.size() * 2L + 100)))) {
            deliveries.put(entry.getId(), entry.getRedeliveryCount());
        }
        List<StreamMessage<String, byte[]>> runnable = new ArrayList<>();
        for (StreamMessage<String, byte[]> entry : claimed) {
            long count = deliveries.getOrDefault(entry.getId(), 0L);
            if (count > settings.maxDeliveries()) {
                deadLetter(redis, entry.getId(), entry.getBody(), count - 1);
            } else {
                runnable.add(entry);
            }
        }
        return runnable;
    }

    private void deadLetter(
            RedisCommands<String, byte[]> redis, String id, Map<String, byte[]> fields, long deliveries) {
        deadLetters.addStreamEntry(
                settings.stream(), fields, "failed on " + deliveries + " deliveries to group " + settings.group(), (int)
                        deliveries);
        redis.xack(settings.stream(), settings.group(), id);
        log.error("Dead-lettered entry {} of {} after {} deliveries", id, settings.stream(), deliveries);
    }

    private void process(List<StreamMessage<String, byte[]>> batch) {
        StreamBatchHandler.Outcome outcome = handler.handle(batch);
        RedisCommands<String, byte[]> redis = commands.sync();
        for (StreamBatchHandler.Rejected rejected : outcome.rejected()) {
            deadLetters.addStreamEntry(settings.stream(), rejected.entry().getBody(), rejected.reason(), 1);
            redis.xack(settings.stream(), settings.group(), rejected.entry().getId());
            log.error(
                    "Dead-lettered entry {} of {}: {}", rejected.entry().getId(), settings.stream(), rejected.reason());
        }
        if (!outcome.done().isEmpty()) {
            redis.xack(settings.stream(), settings.group(), outcome.done().toArray(String[]::new));
            handled.addAndGet(outcome.done().size());
        }
    }

    /**
     * The failure's exception classes, outermost first, and a database's SQLSTATE where there is one
     * ("DataIntegrityViolationException < BatchUpdateException < PSQLException [22021]"): what broke,
     * without the data it broke on.
     */
    static String kinds(Throwable failure) {
        StringBuilder kinds = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!kinds.isEmpty()) {
                kinds.append(" < ");
            }
            kinds.append(t.getClass().getSimpleName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                kinds.append(" [").append(sql.getSQLState()).append(']');
            }
        }
        return kinds.toString();
    }

    /** Finishes the batch in hand, then stops. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join(settings.maxWait().toMillis() * 2 + 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reading.close();
        commands.close();
        log.info(
                "Consumer {} of group {} stopped after {} entries",
                settings.consumer(),
                settings.group(),
                handled.get());
    }
}
