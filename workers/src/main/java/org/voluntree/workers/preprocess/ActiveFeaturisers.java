package org.voluntree.workers.preprocess;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.event.FeaturisedMessage.Features;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.contracts.text.TextNormaliser;

/**
 * The featurisers of the active model versions, kept current: re-read when model-tools announce
 * an activation on {@code models:changed}, and every few seconds in case an announcement was
 * missed. A message is featurised for one version per analyzer and carries that version.
 */
public final class ActiveFeaturisers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActiveFeaturisers.class);

    private record Active(int version, HashingFeaturiser featuriser) {}

    private final StatefulRedisConnection<String, byte[]> connection;
    private final ModelRegistry registry;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final ScheduledExecutorService refresher;
    private volatile Map<String, Active> active = Map.of();

    public ActiveFeaturisers(RedisClient client) {
        this.connection = client.connect(RedisCodecs.STRING_BYTES);
        this.registry = new ModelRegistry(connection.sync());
        refresh();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "active-featurisers"));
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                refresher.execute(ActiveFeaturisers.this::refresh);
            }
        });
        subscription.sync().subscribe(RedisNames.MODELS_CHANGED_CHANNEL);
        refresher.scheduleWithFixedDelay(this::refresh, 5, 5, TimeUnit.SECONDS);
    }

    /** Re-reads the active versions from the registry. */
    public synchronized void refresh() {
        try {
            Map<String, Active> next = new LinkedHashMap<>();
            registry.activeVersions().forEach((analyzer, version) -> {
                Active current = active.get(analyzer);
                if (current != null && current.version() == version) {
                    next.put(analyzer, current);
                } else {
                    ModelManifest manifest = registry.manifest(analyzer, version);
                    next.put(analyzer, new Active(version, new HashingFeaturiser(manifest.featuriser())));
                    log.info("Featurising {} for model version {}", analyzer, version);
                }
            });
            active = Map.copyOf(next);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the active models, keeping the ones in use: {}", e.toString());
        }
    }

    public boolean isEmpty() {
        return active.isEmpty();
    }

    /** Features of a text for every active analyzer, each tagged with its model version. */
    public Map<String, Features> featurise(String text) {
        Map<Integer, String> normalisedByVersion = new HashMap<>();
        Map<String, Features> features = new LinkedHashMap<>();
        active.forEach((analyzer, a) -> {
            String normalised = normalisedByVersion.computeIfAbsent(
                    a.featuriser().config().normaliserVersion(), version -> TextNormaliser.normalise(text, version));
            features.put(analyzer, new Features(a.version(), a.featuriser().featuriseNormalised(normalised)));
        });
        return features;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        subscription.close();
        connection.close();
    }
}
