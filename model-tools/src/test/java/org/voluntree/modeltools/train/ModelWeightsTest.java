package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelWeightsTest {

    private static ModelWeights random(long seed, int buckets, int dim, int classes) {
        Random random = new Random(seed);
        float[] embedding = new float[buckets * dim];
        float[] output = new float[dim * classes];
        float[] bias = new float[classes];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < output.length; i++) {
            output[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) random.nextGaussian();
        }
        return new ModelWeights(buckets, dim, 0, classes, embedding, new float[0], new float[0], output, bias);
    }

    private static double[] logits(float[] probabilities) {
        double[] logits = new double[probabilities.length];
        for (int c = 0; c < probabilities.length; c++) {
            logits[c] = Math.log(probabilities[c]) - Math.log(probabilities[0]);
        }
        return logits;
    }

    @Test
    void theAverageOfLinearModelsScoresTheMeanOfTheirLogits() {
        ModelWeights a = random(1, 50, 8, 3);
        ModelWeights b = random(2, 50, 8, 3);
        ModelWeights averaged = ModelWeights.average(List.of(a, b));
        int[] ids = {4, 9, 9, 0, 0, 17, 3, 0};
        double[] la = logits(a.probabilities(ids, 2, 4)[1]);
        double[] lb = logits(b.probabilities(ids, 2, 4)[1]);
        double[] mean = logits(averaged.probabilities(ids, 2, 4)[1]);
        for (int c = 0; c < 3; c++) {
            assertThat(mean[c]).isCloseTo((la[c] + lb[c]) / 2, within(1e-4));
        }
        assertThat(averaged.foldedTable()).hasSize(50 * 3);
    }

    @Test
    void oneModelIsItsOwnAverage() {
        ModelWeights a = random(3, 10, 4, 2);
        assertThat(ModelWeights.average(List.of(a))).isSameAs(a);
    }

    @Test
    void balancedClassWeightsGiveEachClassTheSameTotalWeight() {
        int[] labels = {0, 0, 0, 1};
        float[] weights = EnsembleFitter.classWeights(labels, EnsembleFitter.all(4), 2, 1);
        assertThat(weights[0] * 3).isCloseTo(weights[1] * 1, within(1e-5f));
        assertThat(EnsembleFitter.classWeights(labels, EnsembleFitter.all(4), 2, 0)).containsExactly(1f, 1f);
    }
}
