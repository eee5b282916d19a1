package org.voluntree.modeltools.train;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Naive-Bayes feature scaling (Wang and Manning, "Baselines and Bigrams", 2012): each id is weighted
 * by {@code |log((p_id / ‖p‖₁) / (q_id / ‖q‖₁))|}, where {@code p} and {@code q} count the training
 * examples that contain the id with and without one label, plus a smoothing of 1. An id found as
 * often on both sides gets a weight near 0; one that tells them apart, a large one.
 */
final class NaiveBayesScaling {

    /** The smoothing added to every count (Wang and Manning's α). */
    static final double SMOOTHING = 1.0;

    private NaiveBayesScaling() {}

    /**
     * @param rows the rows of {@code train} the model learns from
     * @param label the label whose examples are counted in {@code p}; all others in {@code q}
     * @return one weight per bucket (padding's weight is irrelevant: its row is masked)
     */
    static float[] weights(Featurised train, int[] rows, int label, int buckets) {
        double[] with = new double[buckets];
        double[] without = new double[buckets];
        Arrays.fill(with, SMOOTHING);
        Arrays.fill(without, SMOOTHING);
        int width = train.width();
        BitSet seen = new BitSet(buckets);
        for (int row : rows) {
            double[] counts = train.labels()[row] == label ? with : without;
            seen.clear();
            for (int k = 0; k < width; k++) {
                int id = train.ids()[row * width + k];
                if (id != 0 && !seen.get(id)) {
                    seen.set(id);
                    counts[id]++;
                }
            }
        }
        double withTotal = 0;
        double withoutTotal = 0;
        for (int id = 0; id < buckets; id++) {
            withTotal += with[id];
            withoutTotal += without[id];
        }
        float[] weights = new float[buckets];
        for (int id = 0; id < buckets; id++) {
            weights[id] = (float) Math.abs(Math.log((with[id] / withTotal) / (without[id] / withoutTotal)));
        }
        return weights;
    }
}
