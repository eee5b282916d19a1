package org.voluntree.contracts.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.voluntree.contracts.text.FeaturiserConfig;

/** Small artifacts for tests that never run the graph: the bytes only have to hash right. */
final class Artifacts {

    private Artifacts() {}

    static ModelArtifact of(String analyzer, String graphText) {
        byte[] graph = graphText.getBytes(StandardCharsets.UTF_8);
        return new ModelArtifact(manifest(analyzer, ModelArtifact.sha256(graph)), graph);
    }

    static ModelManifest manifest(String analyzer, String sha256) {
        return new ModelManifest(
                analyzer,
                0,
                "embedding-bag",
                List.of("volunteer", "other"),
                new TensorSpec("ids", "INT32", List.of(-1L, 64L)),
                new TensorSpec("probs", "FLOAT", List.of(-1L, 2L)),
                FeaturiserConfig.defaults(),
                Map.of("accuracy", 0.875, "examples", 80),
                List.of("data/intent/train.tsv"),
                sha256,
                Instant.parse("2025-02-03T04:05:06.789Z"));
    }
}
