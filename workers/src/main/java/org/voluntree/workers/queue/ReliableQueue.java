package org.voluntree.workers.queue;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.LMoveArgs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.RedisNames;

/**
 * One Redis list used as an at-least-once queue.
 *
 * <p>A consumer {@link #take takes} an item with {@code BLMOVE queue → queue:processing:consumer},
 * so the item is never only in the consumer's memory, and with it (one more round trip) up to a
 * batch of the items already waiting behind it that never failed. {@link #ack} removes items from the processing
 * list; {@link #fail} counts the attempt and either puts it back (at once, or in
 * {@code queue:delayed} until its backoff has passed and {@link #promoteDue} returns it) or,
 * after {@code maxAttempts}, moves it to {@code s:dead} with the error. {@link #reap} re-queues the
 * processing lists of consumers whose heartbeat went stale (the process died); {@link #sweep} also
 * finds processing lists whose consumer left no heartbeat at all.
 *
 * <p>Attempts are counted per item content (SHA-1), in {@code queue:attempts}.
 */
public final class ReliableQueue {

    /**
     * KEYS: processing, queue, attempts, heartbeats. ARGV: consumer, {@code forget} to drop its heartbeat
     * (or {@code keep}). Moves the consumer's items back to the queue, next in line, each counted as an
     * interrupted delivery; returns how many.
     */
    private static final String REQUEUE = """
            local moved = 0
            while true do
              local item = redis.call('LMOVE', KEYS[1], KEYS[2], 'LEFT', 'RIGHT')
              if not item then break end
              redis.call('HINCRBY', KEYS[3], redis.sha1hex(item), 1)
              moved = moved + 1
            end
            if ARGV[2] == 'forget' then redis.call('HDEL', KEYS[4], ARGV[1]) end
            return moved
            """;

    /**
     * KEYS: queue, processing, attempts. ARGV: the item already taken, how many more to take at most.
     * Moves items that are already waiting into the processing list while they have no failed
     * delivery behind them, and none when the first has; returns {@code {attempt counts of every
     * item, first included; the further items}}.
     */
    private static final String TAKE_MORE = """
            local function attempts(item)
              return tonumber(redis.call('HGET', KEYS[3], redis.sha1hex(item)) or '0')
            end
            local counts = {attempts(ARGV[1])}
            local more = {}
            if counts[1] == 0 then
              for i = 1, tonumber(ARGV[2]) do
                local item = redis.call('LINDEX', KEYS[1], -1)
                if not item or attempts(item) > 0 then break end
                redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')
                more[i] = item
                counts[i + 1] = 0
              end
            end
            return {counts, more}
            """;

    /** KEYS: processing, attempts. ARGV: items. Forgets finished items. */
    private static final String ACK = """
            for _, item in ipairs(ARGV) do
              redis.call('LREM', KEYS[1], 1, item)
              redis.call('HDEL', KEYS[2], redis.sha1hex(item))
            end
            return #ARGV
            """;

    /** KEYS: heartbeats, processing. ARGV: consumer. Forgets a consumer that holds no item. */
    private static final String RETIRE = """
            if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
            redis.call('HDEL', KEYS[1], ARGV[1])
            return 1
            """;

    /** KEYS: processing, queue. ARGV: item. Moves one item from processing back to the end of the queue. */
    private static final String RETRY = """
            if redis.call('LREM', KEYS[1], 1, ARGV[1]) > 0 then
              redis.call('LPUSH', KEYS[2], ARGV[1])
            end
            return 1
            """;

    /** KEYS: processing, delayed. ARGV: item, due millis. Moves one item from processing to the delayed set. */
    private static final String DELAY = """
            if redis.call('LREM', KEYS[1], 1, ARGV[1]) > 0 then
              redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            end
            return 1
            """;

    /** KEYS: delayed, queue. ARGV: now millis, limit. Puts due items at the head of the queue. */
    private static final String PROMOTE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, item in ipairs(due) do
              redis.call('ZREM', KEYS[1], item)
              redis.call('RPUSH', KEYS[2], item)
            end
            return #due
            """;

    private final String queue;
    private final QueueSettings settings;
    private final RedisCommands<String, byte[]> redis;
    private final DeadLetters deadLetters;
    private final Clock clock;

    public ReliableQueue(String queue, QueueSettings settings, RedisCommands<String, byte[]> redis, Clock clock) {
        this.queue = queue;
        this.settings = settings;
        this.redis = redis;
        this.deadLetters = new DeadLetters(redis);
        this.clock = clock;
    }

    public String name() {
        return queue;
    }

    public void push(byte[] item) {
        redis.lpush(queue, item);
    }

    public long size() {
        return redis.llen(queue);
    }

    /**
     * Blocks until an item arrives or the timeout passes. Use a connection of its own: the
     * blocking call holds it.
     */
    public static Optional<Delivery> take(
            RedisCommands<String, byte[]> blocking, String queue, String consumer, Duration timeout) {
        return take(blocking, queue, consumer, timeout, 1).stream().findFirst();
    }

    /**
     * Blocks until an item arrives or the timeout passes, then takes up to {@code max - 1} more of
     * those already waiting, without waiting for others: oldest first, all in the consumer's
     * processing list. Two round trips whatever the count (one when nothing arrives).
     *
     * <p>An item with failed deliveries behind it (an error, or a consumer that stopped while holding
     * it) is always taken alone: a job that kills its process is then retried without batch-mates,
     * and only its own count reaches {@code maxAttempts}.
     */
    public static List<Delivery> take(
            RedisCommands<String, byte[]> blocking, String queue, String consumer, Duration timeout, int max) {
        String processing = RedisNames.processingList(queue, consumer);
        byte[] first = blocking.blmove(queue, processing, LMoveArgs.Builder.rightLeft(), timeout.toMillis() / 1000.0);
        if (first == null) {
            return List.of();
        }
        List<Object> counted = blocking.eval(
                TAKE_MORE,
                ScriptOutputType.MULTI,
                new String[] {queue, processing, RedisNames.attempts(queue)},
                first,
                Integer.toString(max - 1).getBytes(StandardCharsets.US_ASCII));
        List<?> counts = (List<?>) counted.get(0);
        List<?> more = (List<?>) counted.get(1);
        List<Delivery> taken = new ArrayList<>(1 + more.size());
        taken.add(new Delivery(queue, consumer, first, count(counts.get(0))));
        for (int i = 0; i < more.size(); i++) {
            taken.add(new Delivery(queue, consumer, (byte[]) more.get(i), count(counts.get(i + 1))));
        }
        return taken;
    }

    private static int count(Object stored) {
        return ((Number) stored).intValue();
    }

    /** The work is done: forget the item (one round trip). */
    public void ack(Delivery delivery) {
        ack(List.of(delivery));
    }

    /** The work on these items, all taken by one consumer, is done: forget them (one round trip). */
    public void ack(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        String consumer = deliveries.get(0).consumer();
        byte[][] items = new byte[deliveries.size()][];
        for (int i = 0; i < items.length; i++) {
            Delivery delivery = deliveries.get(i);
            if (!delivery.consumer().equals(consumer)) {
                throw new IllegalArgumentException("items of consumers " + consumer + " and " + delivery.consumer()
                        + " cannot be acknowledged together");
            }
            items[i] = delivery.item();
        }
        redis.eval(
                ACK,
                ScriptOutputType.INTEGER,
                new String[] {RedisNames.processingList(queue, consumer), RedisNames.attempts(queue)},
                items);
    }

    /** Failed deliveries so far, counting the ones whose consumer died. */
    public int attempts(Delivery delivery) {
        byte[] count = redis.hget(RedisNames.attempts(queue), digest(delivery.item()));
        return count == null ? 0 : Integer.parseInt(new String(count, StandardCharsets.UTF_8));
    }

    /**
     * The work failed. Returns true when the item went to {@code s:dead}, false when it was
     * put back for another attempt: at once, or after the backoff for its attempt count. A
     * {@link RetryLater} is not counted as an attempt and waits as long as it asks.
     */
    public boolean fail(Delivery delivery, Throwable error) {
        if (error instanceof RetryLater later) {
            retryAfter(delivery, later.delay());
            return false;
        }
        long attempts = redis.hincrby(RedisNames.attempts(queue), digest(delivery.item()), 1);
        if (error instanceof PermanentFailure || attempts >= settings.maxAttempts()) {
            deadLetter(delivery, describe(error), (int) attempts);
            return true;
        }
        retryAfter(delivery, settings.backoffAfter(attempts));
        return false;
    }

    private void retryAfter(Delivery delivery, Duration delay) {
        String processing = RedisNames.processingList(queue, delivery.consumer());
        if (delay.isZero() || delay.isNegative()) {
            redis.eval(RETRY, ScriptOutputType.INTEGER, new String[] {processing, queue}, delivery.item());
        } else {
            byte[] due = Long.toString(clock.millis() + delay.toMillis()).getBytes(StandardCharsets.US_ASCII);
            redis.eval(
                    DELAY,
                    ScriptOutputType.INTEGER,
                    new String[] {processing, RedisNames.delayed(queue)},
                    delivery.item(),
                    due);
        }
    }

    /** Puts items whose retry is due back on the queue, next in line. Returns how many. */
    public long promoteDue() {
        Long moved = redis.eval(
                PROMOTE,
                ScriptOutputType.INTEGER,
                new String[] {RedisNames.delayed(queue), queue},
                Long.toString(clock.millis()).getBytes(StandardCharsets.US_ASCII),
                "500".getBytes(StandardCharsets.US_ASCII));
        return moved;
    }

    /** Items waiting for their retry. */
    public long delayedCount() {
        return redis.zcard(RedisNames.delayed(queue));
    }

    /** Moves an item to {@code s:dead} (first) and out of the processing list (then). */
    public void deadLetter(Delivery delivery, String error, int attempts) {
        deadLetters.addListItem(queue, delivery.item(), error, attempts);
        redis.lrem(RedisNames.processingList(queue, delivery.consumer()), 1, delivery.item());
        redis.hdel(RedisNames.attempts(queue), digest(delivery.item()));
    }

    /** Records that a consumer is alive. */
    public void heartbeat(String consumer) {
        redis.hset(
                RedisNames.consumerHeartbeats(queue),
                consumer,
                Long.toString(clock.millis()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Forgets a consumer that stopped. One still holding items (its thread did not finish in time)
     * keeps its heartbeat entry, which goes stale, so the reaper puts those items back.
     */
    public void retire(String consumer) {
        redis.eval(
                RETIRE,
                ScriptOutputType.INTEGER,
                new String[] {RedisNames.consumerHeartbeats(queue), RedisNames.processingList(queue, consumer)},
                consumer.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Puts back on the queue every in-flight item of consumers whose heartbeat went stale, and
     * forgets those consumers. It reads the heartbeats, not the keyspace, so its cost does not grow
     * with the number of keys in Redis.
     *
     * @return the number of items re-queued
     */
    public long reap() {
        long moved = 0;
        Map<String, byte[]> heartbeats = redis.hgetall(RedisNames.consumerHeartbeats(queue));
        for (Map.Entry<String, byte[]> heartbeat : heartbeats.entrySet()) {
            if (isStale(heartbeat.getValue())) {
                moved += requeue(heartbeat.getKey());
            }
        }
        return moved;
    }

    /**
     * {@link #reap} plus the processing lists of consumers that have no heartbeat entry at all (left
     * by a version that forgot a consumer still holding items): a {@code SCAN} of the keyspace,
     * for a worker's start and an occasional sweep, not every heartbeat.
     *
     * @return the number of items re-queued
     */
    public long sweep() {
        long moved = reap();
        String prefix = RedisNames.processingList(queue, "");
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(
                    cursor,
                    ScanArgs.Builder.matches(RedisNames.processingListPattern(queue))
                            .limit(1000));
            for (String processing : page.getKeys()) {
                String consumer = processing.substring(prefix.length());
                if (isStale(redis.hget(RedisNames.consumerHeartbeats(queue), consumer))) {
                    moved += requeue(consumer);
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return moved;
    }

    /**
     * A live consumer's turn broke off (Redis went away between taking its jobs and settling them):
     * puts what it still holds back on the queue, next in line and counted as an interrupted delivery,
     * as the reaper would if the consumer had died. Call it only between the consumer's turns.
     *
     * @return the number of items re-queued
     */
    public long requeueInFlight(String consumer) {
        return requeue(consumer, "keep");
    }

    private long requeue(String consumer) {
        return requeue(consumer, "forget");
    }

    private long requeue(String consumer, String heartbeat) {
        return redis.eval(
                REQUEUE,
                ScriptOutputType.INTEGER,
                new String[] {
                    RedisNames.processingList(queue, consumer),
                    queue,
                    RedisNames.attempts(queue),
                    RedisNames.consumerHeartbeats(queue)
                },
                consumer.getBytes(StandardCharsets.UTF_8),
                heartbeat.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a heartbeat (null: none) is older than {@code staleAfter}. */
    private boolean isStale(byte[] beat) {
        if (beat == null) {
            return true;
        }
        long last = Long.parseLong(new String(beat, StandardCharsets.UTF_8));
        return clock.millis() - last > settings.staleAfter().toMillis();
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The same digest that Redis's {@code sha1hex} computes inside the re-queue script. */
    private static String digest(byte[] item) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(item));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
