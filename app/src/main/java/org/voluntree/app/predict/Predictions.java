package org.voluntree.app.predict;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.gears.ModelCache;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;

/**
 * Classifies one text with every active model, the same way the pipeline does: each model's own
 * featuriser, then its frozen graph in the embedded engine. The engine is started on the first
 * request, so a web node that never predicts never loads TensorFlow.
 */
@Service
class Predictions implements DisposableBean {

    /** One analyzer's verdict. */
    record Verdict(String label, float score, int version, Map<String, Float> scores) {}

    private final ModelRegistry registry;
    private TensorFlowEngine engine;
    private ModelCache models;

    Predictions(StatefulRedisConnection<String, byte[]> redis) {
        this.registry = new ModelRegistry(redis.sync());
    }

    Map<String, Verdict> predict(String text) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        registry.activeVersions().forEach((analyzer, version) -> {
            LoadedModel model = models().get(analyzer, version);
            ModelManifest manifest = model.manifest();
            int[] ids = new HashingFeaturiser(manifest.featuriser()).featurise(text);
            float[] scores = model.predict(ids, 1)[0];
            Map<String, Float> byLabel = new LinkedHashMap<>();
            List<String> labels = manifest.labels();
            for (int i = 0; i < labels.size(); i++) {
                byLabel.put(labels.get(i), scores[i]);
            }
            String label = manifest.labelOf(scores);
            verdicts.put(analyzer, new Verdict(label, byLabel.get(label), version, byLabel));
        });
        return verdicts;
    }

    private synchronized ModelCache models() {
        if (models == null) {
            engine = new TensorFlowEngine();
            models = new ModelCache(engine, registry);
        }
        return models;
    }

    @Override
    public synchronized void destroy() {
        if (models != null) {
            models.close();
            engine.close();
        }
    }
}
