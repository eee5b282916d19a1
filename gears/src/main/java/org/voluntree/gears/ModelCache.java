package org.voluntree.gears;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.gears.engine.InferenceEngine;
import org.voluntree.gears.engine.LoadedModel;

/**
 * The model versions a gear has loaded into its engine, fetched from the registry the first time
 * a message asks for them. A few recent versions per analyzer stay loaded, so that messages
 * featurised just before an activation are still classified by the version they were made for.
 */
public final class ModelCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelCache.class);
    private static final int VERSIONS_KEPT = 3;

    private record Key(String analyzer, int version) {}

    private final InferenceEngine engine;
    private final ModelRegistry registry;
    private final Map<Key, LoadedModel> loaded = new HashMap<>();
    private final Map<String, Deque<Integer>> recent = new HashMap<>();

    public ModelCache(InferenceEngine engine, ModelRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    public synchronized LoadedModel get(String analyzer, int version) {
        Key key = new Key(analyzer, version);
        LoadedModel model = loaded.get(key);
        if (model == null) {
            model = engine.load(registry.artifact(analyzer, version));
            loaded.put(key, model);
            log.info("Loaded {} v{} into the {} engine", analyzer, version, engine.name());
            Deque<Integer> versions = recent.computeIfAbsent(analyzer, a -> new ArrayDeque<>());
            versions.addLast(version);
            while (versions.size() > VERSIONS_KEPT) {
                LoadedModel old = loaded.remove(new Key(analyzer, versions.removeFirst()));
                old.close();
            }
        }
        return model;
    }

    /** Loads every active version ahead of the first message that needs it. */
    void preloadActive() {
        registry.activeVersions().forEach((analyzer, version) -> {
            try {
                get(analyzer, version);
            } catch (RuntimeException e) {
                log.warn("Could not preload {} v{}: {}", analyzer, version, e.toString());
            }
        });
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(LoadedModel::close);
        loaded.clear();
    }
}
