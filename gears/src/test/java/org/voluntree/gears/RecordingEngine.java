package org.voluntree.gears;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.gears.engine.InferenceEngine;
import org.voluntree.gears.engine.LoadedModel;

/** Wraps a real engine and records the number of rows of every prediction, to see the batches. */
final class RecordingEngine implements InferenceEngine {

    private final InferenceEngine delegate;
    private final List<Integer> rows = new CopyOnWriteArrayList<>();

    RecordingEngine(InferenceEngine delegate) {
        this.delegate = delegate;
    }

    /** Rows per prediction, in call order. */
    List<Integer> rows() {
        return List.copyOf(rows);
    }

    @Override
    public String name() {
        return "recording-" + delegate.name();
    }

    @Override
    public LoadedModel load(ModelArtifact artifact) {
        LoadedModel model = delegate.load(artifact);
        return new LoadedModel() {
            @Override
            public ModelManifest manifest() {
                return model.manifest();
            }

            @Override
            public float[][] predict(int[] ids, int count) {
                rows.add(count);
                return model.predict(ids, count);
            }

            @Override
            public void close() {
                model.close();
            }
        };
    }

    /** The delegate belongs to the test class. */
    @Override
    public void close() {}
}
