package org.voluntree.gears;

import java.util.concurrent.atomic.AtomicInteger;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.gears.engine.InferenceEngine;
import org.voluntree.gears.engine.LoadedModel;

/** An engine whose models load but fail on every prediction, like a runtime that has broken down. */
final class FailingEngine implements InferenceEngine {

    private final AtomicInteger predictions = new AtomicInteger();

    int predictions() {
        return predictions.get();
    }

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public LoadedModel load(ModelArtifact artifact) {
        return new LoadedModel() {
            @Override
            public ModelManifest manifest() {
                return artifact.manifest();
            }

            @Override
            public float[][] predict(int[] ids, int rows) {
                predictions.incrementAndGet();
                throw new IllegalStateException("inference runtime crashed");
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {}
}
