package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NaiveBayesScalingTest {

    private static final int WIDTH = 3;
    private static final int BUCKETS = 6;

    /**
     * Four examples of label 1 and four of label 0: id 1 in label 1's only, id 2 in every example,
     * id 3 in two of label 1's, id 4 in two of label 0's.
     */
    private static final Featurised DATA = new Featurised(
            new int[] {
                1, 2, 0, //
                1, 2, 3, //
                1, 2, 3, //
                1, 2, 0, //
                2, 4, 0, //
                2, 4, 0, //
                2, 0, 0, //
                2, 0, 0
            },
            new int[] {1, 1, 1, 1, 0, 0, 0, 0},
            WIDTH);

    private static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7};

    @Test
    void anIdFoundAsOftenOnBothSidesWeighsLessThanOneThatTellsThemApart() {
        float[] weights = NaiveBayesScaling.weights(DATA, ALL, 1, BUCKETS);

        assertThat(weights[1]).isGreaterThan(weights[2]);
        assertThat(weights[4]).isGreaterThan(weights[2]);
        assertThat(weights[3]).isGreaterThan(weights[2]);
    }

    @Test
    void theWeightIsTheAbsoluteLogRatioOfSmoothedShares() {
        float[] weights = NaiveBayesScaling.weights(DATA, ALL, 1, BUCKETS);

        // with +1 on every bucket: label 1 counts 1,5,5,3,1,1 (total 16); the others 1,1,5,1,3,1 (total 12)
        assertThat(weights[1]).isCloseTo((float) Math.abs(Math.log((5 / 16.0) / (1 / 12.0))), within(1e-6f));
        assertThat(weights[2]).isCloseTo((float) Math.abs(Math.log((5 / 16.0) / (5 / 12.0))), within(1e-6f));
        assertThat(weights[3]).isCloseTo((float) Math.abs(Math.log((3 / 16.0) / (1 / 12.0))), within(1e-6f));
    }

    @Test
    void onlyTheRowsTheModelLearnsFromAreCounted() {
        float[] firstHalf = NaiveBayesScaling.weights(DATA, new int[] {0, 1, 4, 5}, 1, BUCKETS);

        // rows 0, 1 (label 1): counts 1,3,3,2,1,1 (total 11); rows 4, 5 (label 0): 1,1,3,1,3,1 (total 10)
        assertThat(firstHalf[3]).isCloseTo((float) Math.abs(Math.log((2 / 11.0) / (1 / 10.0))), within(1e-6f));
    }

    @Test
    void anIdRepeatedInOneExampleCountsOnce() {
        Featurised repeated = new Featurised(new int[] {3, 3, 3, 5, 0, 0}, new int[] {1, 0}, WIDTH);

        float[] weights = NaiveBayesScaling.weights(repeated, new int[] {0, 1}, 1, BUCKETS);

        // label 1: 1,1,1,2,1,1 (total 7); label 0: 1,1,1,1,1,2 (total 7)
        assertThat(weights[3]).isCloseTo((float) Math.log(2), within(1e-6f));
    }
}
