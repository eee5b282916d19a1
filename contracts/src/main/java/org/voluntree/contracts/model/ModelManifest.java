package org.voluntree.contracts.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.voluntree.contracts.text.FeaturiserConfig;

/**
 * Everything needed to serve a frozen graph and to trust it.
 *
 * @param analyzer {@code intent}, {@code sentiment} or {@code offense}
 * @param version registry version, 0 until the model is loaded into a registry
 * @param family the model family, e.g. {@code embedding-bag-mlp}
 * @param labels output labels in score order
 * @param input the feature-id input tensor
 * @param output the probability output tensor
 * @param featuriser how text becomes the input ids
 * @param metrics evaluation figures on held-out data
 * @param trainingData where the training data came from
 * @param graphSha256 SHA-256 (hex) of the frozen GraphDef bytes
 * @param createdAt when it was trained
 */
public record ModelManifest(
        String analyzer,
        int version,
        String family,
        List<String> labels,
        TensorSpec input,
        TensorSpec output,
        FeaturiserConfig featuriser,
        Map<String, Object> metrics,
        List<String> trainingData,
        String graphSha256,
        Instant createdAt) {

    public ModelManifest {
        labels = List.copyOf(labels);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        trainingData = trainingData == null ? List.of() : List.copyOf(trainingData);
    }

    public ModelManifest withVersion(int newVersion) {
        return new ModelManifest(
                analyzer,
                newVersion,
                family,
                labels,
                input,
                output,
                featuriser,
                metrics,
                trainingData,
                graphSha256,
                createdAt);
    }

    /** Index of the highest score, mapped to its label. */
    public String labelOf(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return labels.get(best);
    }
}
