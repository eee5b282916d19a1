package org.voluntree.gears.engine;

import org.voluntree.contracts.model.ModelArtifact;

/** A runtime that can host frozen models: TensorFlow Java in-process, or RedisAI. */
public interface InferenceEngine extends AutoCloseable {

    /** Short name for logs and settings, e.g. {@code tensorflow} or {@code redisai}. */
    String name();

    /** Prepares a model for batched prediction. The caller closes the returned model. */
    LoadedModel load(ModelArtifact artifact);

    @Override
    void close();
}
