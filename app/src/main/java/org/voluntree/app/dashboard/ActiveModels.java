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

    /** An active model and how well it did on held-out data. */
    public record ActiveModel(
            String analyzer,
            int version,
            String family,
            List<String> labels,
            Map<String, Object> metrics,
            List<String> trainingData,
            String graphSha256,
            Instant createdAt) {}

    private final ModelRegistry registry;

    ActiveModels(StatefulRedisConnection<String, byte[]> redis) {
        this.registry = new ModelRegistry(redis.sync());
    }

    public List<ActiveModel> list() {
        List<ActiveModel> models = new ArrayList<>();
        registry.activeVersions().forEach((analyzer, version) -> {
            ModelManifest m = registry.manifest(analyzer, version);
            models.add(new ActiveModel(
                    analyzer,
                    version,
                    m.family(),
                    m.labels(),
                    m.metrics(),
                    m.trainingData(),
                    m.graphSha256(),
                    m.createdAt()));
        });
        models.sort((a, b) -> a.analyzer().compareTo(b.analyzer()));
        return models;
    }

    /** The labels of the analyzer's active model, in score order. */
    public Optional<List<String>> labels(String analyzer) {
        return registry.activeVersion(analyzer)
                .map(version -> registry.manifest(analyzer, version).labels());
    }
}
