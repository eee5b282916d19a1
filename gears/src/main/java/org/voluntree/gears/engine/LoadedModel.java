package org.voluntree.gears.engine;

import org.voluntree.contracts.model.ModelManifest;

/** One model version ready to classify batches. Safe for use by one thread at a time per call. */
public interface LoadedModel extends AutoCloseable {

    ModelManifest manifest();

    /**
     * Classifies a batch.
     *
     * @param ids feature ids, row-major, {@code rows × manifest().featuriser().maxFeatures()}
     * @param rows the number of messages in the batch
     * @return scores per row, in the order of {@code manifest().labels()}
     */
    float[][] predict(int[] ids, int rows);

    @Override
    void close();
}
