package org.voluntree.gears;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.MalformedRecordException;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.gears.engine.InferenceEngine;

/**
 * Reads {@code s:comments} through the {@code gear} consumer group in batches of up to N
 * entries or T milliseconds, classifies each batch with one tensor per analyzer, appends one
 * record per message to {@code s:classified}, and only then acknowledges. Entries left pending
 * by a gear that died are taken over with {@code XAUTOCLAIM}; an entry delivered too many times,
 * or one that can never be classified, goes to {@code s:dead}. Any number of gears can run.
 */
public final class Gear implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Gear.class);

    private final RedisClient client;
    private final GearSettings settings;
    private final InferenceEngine engine;
    private final AtomicLong classifiedCount = new AtomicLong();
    private StatefulRedisConnection<String, byte[]> reading;
    private StatefulRedisConnection<String, byte[]> writing;
    private StatefulRedisPubSubConnection<String, String> modelEvents;
    private ModelCache models;
    private BatchClassifier classifier;
    private DeadLetters deadLetters;
    private Thread thread;
    private volatile boolean running;
    private long lastClaim;

    public Gear(RedisClient client, InferenceEngine engine, GearSettings settings) {
        this.client = client;
        this.engine = engine;
        this.settings = settings;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        reading = client.connect(RedisCodecs.STRING_BYTES);
        reading.setTimeout(settings.maxWait().plusSeconds(10));
        writing = client.connect(RedisCodecs.STRING_BYTES);
        RedisCommands<String, byte[]> redis = writing.sync();
        createGroup(redis);
        deadLetters = new DeadLetters(redis);
        models = new ModelCache(engine, new ModelRegistry(redis));
        classifier = new BatchClassifier(models);
        models.preloadActive();
        modelEvents = client.connectPubSub();
        modelEvents.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                log.info("Model change announced ({}), preloading the active versions", message);
                new Thread(models::preloadActive, "gear-preload").start();
            }
        });
        modelEvents.sync().subscribe(RedisNames.MODELS_CHANGED_CHANNEL);
        running = true;
        thread = new Thread(this::run, "gear-" + settings.consumer());
        thread.start();
        log.info("Gear {} reading {} in batches of up to {} entries or {} ms with the {} engine",
                settings.consumer(), RedisNames.COMMENTS_STREAM, settings.batchSize(), settings.maxWait().toMillis(),
                engine.name());
    }

    /** Messages this gear has classified since it started. */
    public long classifiedCount() {
        return classifiedCount.get();
    }

    private static void createGroup(RedisCommands<String, byte[]> redis) {
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(RedisNames.COMMENTS_STREAM, "0"), RedisNames.GEAR_GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyThere) {
            // another gear created it first
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
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
                backoff = Duration.ofMillis(100);
            } catch (RedisConnectionException | RedisCommandTimeoutException e) {
                if (!running) {
                    break;
                }
                log.warn("Redis unavailable to gear {} ({}), retrying in {}", settings.consumer(),
                        e.getClass().getSimpleName(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                // the batch stays pending and is reclaimed; entries that keep failing end in s:dead
                log.error("Gear {} failed on a batch; its entries stay pending and will be retried",
                        settings.consumer(), e);
                sleep(backoff);
            }
        }
    }

    /** Up to N entries: blocks for the first one, then waits at most T for the batch to fill. */
    private List<StreamMessage<String, byte[]>> readBatch() {
        Consumer<String> me = Consumer.from(RedisNames.GEAR_GROUP, settings.consumer());
        XReadArgs.StreamOffset<String> next = XReadArgs.StreamOffset.lastConsumed(RedisNames.COMMENTS_STREAM);
        List<StreamMessage<String, byte[]>> batch = new ArrayList<>(
                reading.sync().xreadgroup(me, XReadArgs.Builder.count(settings.batchSize())
                        .block(settings.maxWait()), next));
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (!batch.isEmpty() && batch.size() < settings.batchSize() && running) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMs <= 0) {
                break;
            }
            List<StreamMessage<String, byte[]>> more = reading.sync().xreadgroup(me,
                    XReadArgs.Builder.count(settings.batchSize() - batch.size()).block(remainingMs), next);
            if (more.isEmpty()) {
                break;
            }
            batch.addAll(more);
        }
        return batch;
    }

    /** Takes over entries that another gear read but never acknowledged. */
    private void reclaim() {
        RedisCommands<String, byte[]> redis = writing.sync();
        deadLetterOverdelivered(redis);
        String cursor = "0-0";
        do {
            ClaimedMessages<String, byte[]> claimed = redis.xautoclaim(RedisNames.COMMENTS_STREAM,
                    XAutoClaimArgs.Builder.<String>xautoclaim(
                                    Consumer.from(RedisNames.GEAR_GROUP, settings.consumer()),
                                    settings.claimMinIdle(), cursor)
                            .count(settings.batchSize()));
            if (!claimed.getMessages().isEmpty()) {
                log.warn("Gear {} took over {} entries left pending by a stopped gear", settings.consumer(),
                        claimed.getMessages().size());
                process(claimed.getMessages());
            }
            cursor = claimed.getId();
        } while (!"0-0".equals(cursor) && running);
    }

    private void deadLetterOverdelivered(RedisCommands<String, byte[]> redis) {
        List<PendingMessage> pending = redis.xpending(RedisNames.COMMENTS_STREAM, XPendingArgs.Builder
                .xpending(RedisNames.GEAR_GROUP, Range.create("-", "+"), Limit.from(1000))
                .idle(settings.claimMinIdle()));
        for (PendingMessage entry : pending) {
            if (entry.getRedeliveryCount() >= settings.maxDeliveries()) {
                List<StreamMessage<String, byte[]>> found = redis.xrange(RedisNames.COMMENTS_STREAM,
                        Range.create(entry.getId(), entry.getId()));
                Map<String, byte[]> fields = found.isEmpty() ? Map.of() : found.get(0).getBody();
                deadLetters.addStreamEntry(RedisNames.COMMENTS_STREAM, fields,
                        "classification failed on " + entry.getRedeliveryCount() + " deliveries",
                        (int) entry.getRedeliveryCount());
                redis.xack(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP, entry.getId());
                log.error("Dead-lettered entry {} of {} after {} deliveries", entry.getId(),
                        RedisNames.COMMENTS_STREAM, entry.getRedeliveryCount());
            }
        }
    }

    private void process(List<StreamMessage<String, byte[]>> entries) {
        RedisCommands<String, byte[]> redis = writing.sync();
        List<FeaturisedMessage> batch = new ArrayList<>(entries.size());
        List<StreamMessage<String, byte[]>> readable = new ArrayList<>(entries.size());
        for (StreamMessage<String, byte[]> entry : entries) {
            try {
                batch.add(FeaturisedMessage.fromFields(entry.getBody()));
                readable.add(entry);
            } catch (MalformedRecordException e) {
                reject(redis, entry, "malformed entry: " + e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        BatchClassifier.Result result = classifier.classify(batch);
        for (BatchClassifier.Rejected rejected : result.rejected()) {
            reject(redis, readable.get(rejected.index()), rejected.reason());
        }
        XAddArgs cap = XAddArgs.Builder.maxlen(settings.classifiedMaxLength()).approximateTrimming();
        List<RedisFuture<String>> writes = new ArrayList<>(batch.size());
        List<String> done = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ClassifiedMessage classified = result.classified().get(i);
            if (classified != null) {
                writes.add(writing.async().xadd(RedisNames.CLASSIFIED_STREAM, cap, classified.toFields()));
                done.add(readable.get(i).getId());
            }
        }
        awaitAll(writes);
        if (!done.isEmpty()) {
            redis.xack(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP, done.toArray(String[]::new));
            classifiedCount.addAndGet(done.size());
        }
    }

    private void reject(RedisCommands<String, byte[]> redis, StreamMessage<String, byte[]> entry, String reason) {
        deadLetters.addStreamEntry(RedisNames.COMMENTS_STREAM, entry.getBody(), reason, 1);
        redis.xack(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP, entry.getId());
        log.error("Dead-lettered entry {} of {}: {}", entry.getId(), RedisNames.COMMENTS_STREAM, reason);
    }

    private void awaitAll(List<RedisFuture<String>> writes) {
        for (RedisFuture<String> write : writes) {
            try {
                write.get(writing.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing classified records", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not write classified records: " + e.getMessage(), e);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join(settings.maxWait().toMillis() * 2 + 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        modelEvents.close();
        models.close();
        reading.close();
        writing.close();
        log.info("Gear {} stopped after classifying {} messages", settings.consumer(), classifiedCount.get());
    }
}
