package org.voluntree.workers.preprocess;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.FeaturisedMessage.Features;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.BatchOutcome;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.PermanentFailure;
import org.voluntree.workers.queue.RetryLater;

/**
 * Takes webhook events from {@code q:preprocess}, featurises their text for every active analyzer,
 * and appends them to {@code s:comments}, a batch's {@code XADD}s pipelined in one round trip and in
 * queue order. Events without text (postbacks, removals) travel on without features so that the
 * writer still records them.
 */
public final class PreprocessHandler implements JobHandler {

    private static final Duration NO_MODEL_RETRY = Duration.ofSeconds(5);

    private final ActiveFeaturisers featurisers;
    private final StatefulRedisConnection<String, byte[]> redis;
    private final XAddArgs addArgs;

    public PreprocessHandler(
            ActiveFeaturisers featurisers, StatefulRedisConnection<String, byte[]> redis, long streamMaxLength) {
        this.featurisers = featurisers;
        this.redis = redis;
        this.addArgs = XAddArgs.Builder.maxlen(streamMaxLength).approximateTrimming();
    }

    /** One event: a batch of one, so that there is a single way to the stream. */
    @Override
    public void handle(byte[] item) throws Exception {
        Optional<Exception> failure = handleAll(List.of(item)).failure(0);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    @Override
    public BatchOutcome handleAll(List<byte[]> items) {
        BatchOutcome outcome = new BatchOutcome(items.size());
        List<RedisFuture<String>> added = new ArrayList<>(items.size());
        RedisAsyncCommands<String, byte[]> async = redis.async();
        for (int i = 0; i < items.size(); i++) {
            try {
                added.add(async.xadd(RedisNames.COMMENTS_STREAM, addArgs, featurise(items.get(i))));
            } catch (RuntimeException e) {
                outcome.failed(i, e);
                added.add(null);
            }
        }
        // one command timeout for the whole pipeline, not one for each answer
        long deadline = System.nanoTime() + redis.getTimeout().toNanos();
        for (int i = 0; i < added.size(); i++) {
            RedisFuture<String> future = added.get(i);
            if (future == null) {
                continue;
            }
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                outcome.failed(i, e.getCause() instanceof Exception cause ? cause : e);
            } catch (TimeoutException e) {
                outcome.failed(
                        i,
                        new RedisCommandTimeoutException("XADD to " + RedisNames.COMMENTS_STREAM
                                + " got no answer within " + redis.getTimeout()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome.failed(i, e);
            }
        }
        return outcome;
    }

    private Map<String, byte[]> featurise(byte[] item) {
        InboundEvent event;
        try {
            event = Json.read(item, InboundEvent.class);
        } catch (RuntimeException e) {
            throw PermanentFailure.because("not an event record: " + e.getMessage(), e);
        }
        Map<String, Features> features = Map.of();
        if (event.classifiable()) {
            if (featurisers.isEmpty()) {
                // the event waits (not counted as a failed attempt) until a model is activated
                throw RetryLater.after(NO_MODEL_RETRY, "no model is active; load and activate one with model-tools");
            }
            features = featurisers.featurise(event.text());
        }
        return new FeaturisedMessage(event, features).toFields();
    }
}
