package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelWeightsTest {

    private static ModelWeights random(long seed, int buckets, int dim, int classes, Pooling pooling) {
        ModelWeights w = random(seed, buckets, dim, classes);
        return new ModelWeights(
                buckets,
                dim,
                0,
                classes,
                w.embedding(),
                w.hiddenWeights(),
                w.hiddenBias(),
                w.outputWeights(),
                w.outputBias(),
                pooling);
    }

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
    void poolingDecidesHowMuchARepeatedIdCounts() {
        int[] none = {0, 0, 0, 0};
        int[] once = {5, 0, 0, 0};
        int[] fourTimes = {5, 5, 5, 5};
        ModelWeights mean = random(4, 20, 6, 3, Pooling.MEAN);
        double[] bias = logits(mean.probabilities(none, 1, 4)[0]);
        double[] single = logits(mean.probabilities(once, 1, 4)[0]);
        double[] meanOfFour = logits(mean.probabilities(fourTimes, 1, 4)[0]);
        double[] sqrtOfFour = logits(random(4, 20, 6, 3, Pooling.SQRT).probabilities(fourTimes, 1, 4)[0]);
        double[] sumOfFour = logits(random(4, 20, 6, 3, Pooling.SUM).probabilities(fourTimes, 1, 4)[0]);
        for (int c = 1; c < 3; c++) {
            double row = single[c] - bias[c];
            assertThat(meanOfFour[c] - bias[c]).isCloseTo(row, within(1e-4));
            assertThat(sqrtOfFour[c] - bias[c]).isCloseTo(2 * row, within(1e-4));
            assertThat(sumOfFour[c] - bias[c]).isCloseTo(4 * row, within(1e-4));
        }
    }

    @Test
    void poolingIsNamedAsOnTheCommandLine() {
        assertThat(Pooling.named(" SQRT")).isEqualTo(Pooling.SQRT);
        assertThat(Pooling.SUM).hasToString("sum");
        assertThatThrownBy(() -> Pooling.named("max")).hasMessageContaining("mean, sqrt or sum");
    }

    @Test
    void onlyModelsWithTheSamePoolingCanBeAveraged() {
        ModelWeights mean = random(5, 10, 4, 2, Pooling.MEAN);
        ModelWeights sum = random(6, 10, 4, 2, Pooling.SUM);

        assertThatThrownBy(() -> ModelWeights.average(List.of(mean, sum))).hasMessageContaining("pooling");
        assertThat(ModelWeights.average(List.of(sum, random(7, 10, 4, 2, Pooling.SUM)))
                        .pooling())
                .isEqualTo(Pooling.SUM);
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
        assertThat(EnsembleFitter.classWeights(labels, EnsembleFitter.all(4), 2, 0))
                .containsExactly(1f, 1f);
    }
}
