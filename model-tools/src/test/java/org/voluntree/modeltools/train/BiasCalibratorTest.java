package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.text.FeaturiserConfig;
import org.voluntree.contracts.text.TextNormaliser;
import org.voluntree.modeltools.eval.Evaluation;

/** The decision calibrations' searches on given out-of-fold probabilities, and which rows they score. */
class BiasCalibratorTest {

    private static final List<String> LABELS = List.of("rare", "common");

    /** {@code n} rows of one gold label, each predicted with the same probabilities. */
    private static void rows(List<float[]> probabilities, List<Integer> gold, int n, int label, float... p) {
        for (int i = 0; i < n; i++) {
            probabilities.add(p);
            gold.add(label);
        }
    }

    private static float[][] array(List<float[]> probabilities) {
        return probabilities.toArray(new float[0][]);
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void weightedF1ShiftsRaiseAnUnderCalledLabelJustFarEnough() {
        List<float[]> p = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        rows(p, gold, 100, 1, 0.1f, 0.9f);
        rows(p, gold, 20, 0, 0.4f, 0.6f); // argmax calls every rare example common
        float[] shifts = BiasCalibrator.bestWeightedF1(array(p), ints(gold), LABELS);
        // 0.4·e^s must pass 0.6 (s > ln 1.5 = 0.405) while 0.1·e^s stays under 0.9 (s < 2.197):
        // the first step past 0.405
        assertThat(shifts[0]).isCloseTo(0.45f, within(1e-6f));
        assertThat(shifts[1]).as("the most frequent label is the reference").isZero();
        assertThat(Evaluation.of(LABELS, ints(gold), BiasCalibrator.decide(array(p), shifts))
                        .weightedF1())
                .isEqualTo(1.0);
    }

    @Test
    void weightedF1ShiftsStayAtZeroWhenArgmaxIsAlreadyRight() {
        List<float[]> p = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        rows(p, gold, 100, 1, 0.2f, 0.8f);
        rows(p, gold, 20, 0, 0.7f, 0.3f);
        assertThat(BiasCalibrator.bestWeightedF1(array(p), ints(gold), LABELS)).containsExactly(0f, 0f);
    }

    @Test
    void aPrecisionFloorLowersOnlyTheGuardedLabelUntilItsPrecisionIsReached() {
        List<float[]> p = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        rows(p, gold, 9, 0, 0.9f, 0.1f); // sure and right
        rows(p, gold, 1, 1, 0.6f, 0.4f); // a false 'rare' that ln(1.5) = 0.405 of lowering removes
        float[] shifts =
                BiasCalibrator.precisionFloor(array(p), ints(gold), LABELS, new PrecisionFloor("rare", 1.0, 5));
        assertThat(shifts[0]).isCloseTo(-0.45f, within(1e-6f));
        assertThat(shifts[1]).isZero();
    }

    @Test
    void onlyTheFoldedRowsAreScoredAndTheRestAreAlwaysLearnedFrom() {
        int width = 4;
        int folded = 60;
        int extra = 30;
        Random random = new Random(5);
        int[] ids = new int[(folded + extra) * width];
        int[] labels = new int[folded + extra];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = r % 3 == 0 ? 0 : 1;
            ids[r * width] = labels[r] == 0 ? 7 : 9; // a decisive id, then noise
            for (int k = 1; k < width; k++) {
                ids[r * width + k] = 10 + random.nextInt(50);
            }
        }
        FeaturiserConfig featuriser = new FeaturiserConfig(TextNormaliser.VERSION, 64, width, false, 0, 0, 1);
        TrainingConfig config = new TrainingConfig(featuriser, 4, 0, 5, 8, 0.05f, 0, 3, new BestWeightedF1(3));
        List<String> stages = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochCompleted(EpochCompleted epoch) {}

            @Override
            public void stage(String description) {
                stages.add(description);
            }
        };
        BiasCalibrator.Calibration calibration =
                BiasCalibrator.calibrate(new Featurised(ids, labels, width), folded, LABELS, config, listener);
        assertThat(stages)
                .as("each fold is announced: a long calibration shows progress")
                .containsExactly(
                        "calibrating the decision: fold 1/3 (a model trained on the rest)",
                        "calibrating the decision: fold 2/3 (a model trained on the rest)",
                        "calibrating the decision: fold 3/3 (a model trained on the rest)");
        int scored = Arrays.stream(calibration.before().confusion())
                .flatMapToInt(Arrays::stream)
                .sum();
        assertThat(scored).isEqualTo(folded);
        assertThat(calibration.after().weightedF1())
                .isGreaterThanOrEqualTo(calibration.before().weightedF1());
    }
}
