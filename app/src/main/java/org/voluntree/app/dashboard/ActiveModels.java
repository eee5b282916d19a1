package org.voluntree.app.dashboard;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.ModelRegistry;

/** The active model of each analyzer, as the registry in Redis has it. */
@Service
public class ActiveModels {

    /** A stored model version and how well it did on held-out data, as its manifest says. */
    public record StoredModel(
            String analyzer,
            int version,
            String family,
            List<String> labels,
            Map<String, Object> metrics,
            List<String> trainingData,
            String graphSha256,
            Instant createdAt) {

        public static StoredModel of(ModelManifest m) {
            return new StoredModel(
                    m.analyzer(),
                    m.version(),
                    m.family(),
                    m.labels(),
                    m.metrics(),
                    m.trainingData(),
                    m.graphSha256(),
                    m.createdAt());
        }
    }

    private final ModelRegistry registry;

    ActiveModels(StatefulRedisConnection<String, byte[]> redis) {
        this.registry = new ModelRegistry(redis.sync());
    }

    public List<StoredModel> list() {
        List<StoredModel> models = new ArrayList<>();
        registry.activeVersions()
                .forEach((analyzer, version) -> models.add(StoredModel.of(registry.manifest(analyzer, version))));
        models.sort((a, b) -> a.analyzer().compareTo(b.analyzer()));
        return models;
    }

    /** The labels of the analyzer's active model, in score order. */
    public Optional<List<String>> labels(String analyzer) {
        return registry.activeVersion(analyzer)
                .map(version -> registry.manifest(analyzer, version).labels());
    }
}
