package org.voluntree.app.models;

import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.ModelRegistry;

/**
 * At start, before any worker or gear, loads the frozen models shipped in the jar
 * ({@code models/<analyzer>/model.pb} and {@code manifest.json}) into the registry and activates
 * them, for every analyzer that has no active version yet. A registry that already has active
 * versions is left alone: model-tools manage it from then on.
 */
@Component
class BundledModels implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BundledModels.class);
    public static final List<String> ANALYZERS = List.of("intent", "sentiment", "offense");

    /** A 400 naming the {@code analyzer} field unless it is one of {@link #ANALYZERS}. */
    static void requireKnown(String analyzer) {
        if (!ANALYZERS.contains(analyzer)) {
            throw InvalidFieldException.of("analyzer", "must be one of " + ANALYZERS);
        }
    }

    private final StatefulRedisConnection<String, byte[]> redis;
    private final boolean enabled;
    private volatile boolean running;

    BundledModels(
            StatefulRedisConnection<String, byte[]> redis,
            @Value("${voluntree.models.bootstrap:true}") boolean enabled) {
        this.redis = redis;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        ModelRegistry registry = new ModelRegistry(redis.sync());
        for (String analyzer : ANALYZERS) {
            if (registry.activeVersion(analyzer).isPresent()) {
                continue;
            }
            ClassPathResource graph = new ClassPathResource("models/" + analyzer + "/" + ModelArtifact.GRAPH_FILE);
            ClassPathResource manifest =
                    new ClassPathResource("models/" + analyzer + "/" + ModelArtifact.MANIFEST_FILE);
            if (!graph.exists() || !manifest.exists()) {
                log.warn("No {} model is active and none is bundled; load one with 'model-tools load'", analyzer);
                continue;
            }
            ModelArtifact artifact = new ModelArtifact(Json.read(read(manifest), ModelManifest.class), read(graph));
            int version = registry.store(artifact);
            registry.activate(analyzer, version);
            log.info("Loaded the bundled {} model as version {} and activated it", analyzer, version);
        }
    }

    private static byte[] read(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + resource.getPath(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
