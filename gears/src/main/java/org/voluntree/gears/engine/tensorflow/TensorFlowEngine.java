package org.voluntree.gears.engine.tensorflow;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.proto.ConfigProto;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.gears.engine.InferenceEngine;
import org.voluntree.gears.engine.LoadedModel;

/**
 * Runs frozen models in this JVM with TensorFlow Java. Each loaded model owns its own graph and
 * session; closing the engine closes the models it loaded that are still open.
 *
 * <p>Thread-safety: the engine may load models from several threads, and a loaded model may be
 * used by several threads at once (a TensorFlow session runs concurrent calls).
 */
public final class TensorFlowEngine implements InferenceEngine {

    public static final String NAME = "tensorflow";

    private final ConfigProto sessionConfig;
    private final Set<TensorFlowModel> open = ConcurrentHashMap.newKeySet();

    /**
     * An engine whose sessions run each operation on one thread, in the caller's thread: measured
     * fastest for the gear's batches (see docs/models.md); run several callers for parallelism.
     */
    public TensorFlowEngine() {
        this(1);
    }

    /**
     * An engine whose sessions use a fixed number of threads per operation ({@code 0} = as many
     * as cores). Small batches run fastest with one thread per operation and several callers.
     * With one thread, a session runs its operations in the calling thread (TensorFlow's negative
     * inter-op setting) instead of handing each call to a pool thread and waiting for it: that
     * hand-over cost ~90 µs a call, most of a small batch's time.
     */
    public TensorFlowEngine(int threadsPerOperation) {
        if (threadsPerOperation < 0) {
            throw new IllegalArgumentException("threadsPerOperation must be 0 or more, was " + threadsPerOperation);
        }
        this.sessionConfig = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threadsPerOperation)
                .setInterOpParallelismThreads(threadsPerOperation == 1 ? -1 : threadsPerOperation)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LoadedModel load(ModelArtifact artifact) {
        TensorFlowModel model = TensorFlowModel.load(artifact, sessionConfig, open::remove);
        open.add(model);
        return model;
    }

    @Override
    public void close() {
        for (TensorFlowModel model : Set.copyOf(open)) {
            model.close();
        }
    }
}
