package org.voluntree.workers.preprocess;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.FeaturisedMessage.Features;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.PermanentFailure;
import org.voluntree.workers.queue.RetryLater;

/**
 * Takes one webhook event from {@code q:preprocess}, featurises its text for every active
 * analyzer, and appends it to {@code s:comments}. Events without text (postbacks, removals)
 * travel on without features so that the writer still records them.
 */
public final class PreprocessHandler implements JobHandler {

    private static final Duration NO_MODEL_RETRY = Duration.ofSeconds(5);

    private final ActiveFeaturisers featurisers;
    private final RedisCommands<String, byte[]> redis;
    private final XAddArgs addArgs;

    public PreprocessHandler(ActiveFeaturisers featurisers, RedisCommands<String, byte[]> redis, long streamMaxLength) {
        this.featurisers = featurisers;
        this.redis = redis;
        this.addArgs = XAddArgs.Builder.maxlen(streamMaxLength).approximateTrimming();
    }

    @Override
    public void handle(byte[] item) {
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
        redis.xadd(RedisNames.COMMENTS_STREAM, addArgs, new FeaturisedMessage(event, features).toFields());
    }
}
