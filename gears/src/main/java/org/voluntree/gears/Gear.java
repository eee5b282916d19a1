package org.voluntree.gears;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.MalformedRecordException;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.stream.StreamBatchHandler;
import org.voluntree.contracts.stream.StreamConsumerSettings;
import org.voluntree.contracts.stream.StreamGroupConsumer;
import org.voluntree.gears.engine.InferenceEngine;

/**
 * Reads {@code s:comments} through the {@code gear} consumer group in batches, classifies each
 * batch with one tensor per analyzer and model version, appends one record per message to
 * {@code s:classified}, and only then acknowledges (the shared {@link StreamGroupConsumer} does
 * the batching, reclaiming and dead-lettering). Model versions are fetched from the registry on
 * first use and preloaded when model-tools announce an activation. Any number of gears can run.
 */
public final class Gear implements AutoCloseable, StreamBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(Gear.class);

    private final RedisClient client;
    private final InferenceEngine engine;
    private final StreamConsumerSettings settings;
    private final XAddArgs classifiedCap;
    private StatefulRedisConnection<String, byte[]> writing;
    private StatefulRedisPubSubConnection<String, String> modelEvents;
    private ModelCache models;
    private BatchClassifier classifier;
    private StreamGroupConsumer consumer;

    public Gear(RedisClient client, InferenceEngine engine, StreamConsumerSettings settings, long classifiedMaxLength) {
        if (!RedisNames.COMMENTS_STREAM.equals(settings.stream()) || !RedisNames.GEAR_GROUP.equals(settings.group())) {
            throw new IllegalArgumentException(
                    "a gear reads " + RedisNames.COMMENTS_STREAM + " in group " + RedisNames.GEAR_GROUP);
        }
        this.client = client;
        this.engine = engine;
        this.settings = settings;
        this.classifiedCap = XAddArgs.Builder.maxlen(classifiedMaxLength).approximateTrimming();
    }

    public synchronized void start() {
        writing = client.connect(RedisCodecs.STRING_BYTES);
        models = new ModelCache(engine, new ModelRegistry(writing.sync()));
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
        consumer = new StreamGroupConsumer(client, settings, this);
        consumer.start();
        log.info("Gear {} classifies with the {} engine", settings.consumer(), engine.name());
    }

    /** Messages this gear has classified and acknowledged since it started. */
    public long classifiedCount() {
        return consumer == null ? 0 : consumer.handledCount();
    }

    @Override
    public Outcome handle(List<StreamMessage<String, byte[]>> entries) {
        List<FeaturisedMessage> batch = new ArrayList<>(entries.size());
        List<StreamMessage<String, byte[]>> readable = new ArrayList<>(entries.size());
        List<Rejected> rejected = new ArrayList<>();
        for (StreamMessage<String, byte[]> entry : entries) {
            try {
                batch.add(FeaturisedMessage.fromFields(entry.getBody()));
                readable.add(entry);
            } catch (MalformedRecordException e) {
                rejected.add(new Rejected(entry, "malformed entry: " + e.getMessage()));
            }
        }
        if (batch.isEmpty()) {
            return new Outcome(List.of(), rejected);
        }
        BatchClassifier.Result result = classifier.classify(batch);
        for (BatchClassifier.Rejected r : result.rejected()) {
            rejected.add(new Rejected(readable.get(r.index()), r.reason()));
        }
        List<RedisFuture<String>> writes = new ArrayList<>(batch.size());
        List<String> done = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ClassifiedMessage classified = result.classified().get(i);
            if (classified != null) {
                writes.add(writing.async().xadd(RedisNames.CLASSIFIED_STREAM, classifiedCap, classified.toFields()));
                done.add(readable.get(i).getId());
            }
        }
        awaitAll(writes);
        return new Outcome(done, rejected);
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

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
        if (modelEvents != null) {
            modelEvents.close();
        }
        if (models != null) {
            models.close();
        }
        if (writing != null) {
            writing.close();
        }
    }
}
