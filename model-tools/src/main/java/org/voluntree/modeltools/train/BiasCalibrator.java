package org.voluntree.modeltools.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.voluntree.modeltools.eval.Evaluation;

/**
 * Moves output biases after fitting, as a {@link DecisionCalibration} says: trains the network on
 * k−1 folds of the training data, predicts the k-th, and searches the logit shifts on those
 * out-of-fold predictions. For a {@link PrecisionFloor}, the smallest lowering of one label's logit
 * whose precision reaches the floor; for {@link BestWeightedF1}, the shifts of every label (the most
 * frequent one stays put) with the highest weighted F1. Never looks at test data.
 */
final class BiasCalibrator {

    private static final double STEP = 0.05;
    private static final double MAX_SHIFT = 8;
    /** Weighted-F1 shifts are searched in [−RANGE, RANGE]: beyond it a label is all or nothing. */
    private static final double RANGE = 3;

    private static final int MAX_ROUNDS = 5;

    private BiasCalibrator() {}

    /**
     * @param train the training share; only its first {@code folded} rows are folded and scored,
     *     the rest (examples from outside the data's own distribution) are always learned from
     */
    static Calibration calibrate(
            Featurised train, int folded, List<String> labels, TrainingConfig config, TrainingListener listener) {
        DecisionCalibration rule = config.calibration();
        float[][] outOfFold = outOfFold(train, folded, labels.size(), config, rule.folds(), listener);
        int[] gold = Arrays.copyOf(train.labels(), folded);
        float[] shifts = rule instanceof PrecisionFloor floor
                ? precisionFloor(outOfFold, gold, labels, floor)
                : bestWeightedF1(outOfFold, gold, labels);
        Evaluation before = Evaluation.of(labels, gold, decide(outOfFold, new float[labels.size()]));
        Evaluation after = Evaluation.of(labels, gold, decide(outOfFold, shifts));
        return new Calibration(rule, shifts, before, after);
    }

    static float[] precisionFloor(float[][] outOfFold, int[] gold, List<String> labels, PrecisionFloor floor) {
        int guarded = labels.indexOf(floor.label());
        if (guarded < 0) {
            throw new IllegalArgumentException("precision floor names '" + floor.label() + "', not one of " + labels);
        }
        float[] shifts = new float[labels.size()];
        double best = 0;
        double bestPrecision = -1;
        for (double shift = 0; shift <= MAX_SHIFT + 1e-9; shift += STEP) {
            shifts[guarded] = (float) -shift;
            double precision = Evaluation.of(labels, gold, decide(outOfFold, shifts))
                    .scoresOf(floor.label())
                    .precision();
            if (precision > bestPrecision + 1e-12) {
                best = shift;
                bestPrecision = precision;
            }
            if (precision >= floor.minPrecision()) {
                best = shift;
                break;
            }
        }
        shifts[guarded] = (float) -best;
        return shifts;
    }

    /**
     * Coordinate ascent from no shift: each label but the most frequent in turn takes the shift in
     * [−RANGE, RANGE] (steps of STEP) with the highest weighted F1, ties going to the smaller shift,
     * until a round changes nothing.
     */
    static float[] bestWeightedF1(float[][] outOfFold, int[] gold, List<String> labels) {
        int[] counts = new int[labels.size()];
        for (int label : gold) {
            counts[label]++;
        }
        int reference = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[reference]) {
                reference = c;
            }
        }
        float[] shifts = new float[labels.size()];
        double current = Evaluation.of(labels, gold, decide(outOfFold, shifts)).weightedF1();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (int c = 0; c < labels.size(); c++) {
                if (c == reference) {
                    continue;
                }
                float kept = shifts[c];
                float best = kept;
                for (int step = 0; step <= 2 * RANGE / STEP + 1e-9; step++) {
                    // 0, +STEP, −STEP, +2·STEP, …: on a tie the smaller shift is met first and kept
                    double candidate = (step + 1) / 2 * STEP * (step % 2 == 1 ? 1 : -1);
                    shifts[c] = (float) candidate;
                    double score = Evaluation.of(labels, gold, decide(outOfFold, shifts))
                            .weightedF1();
                    if (score > current + 1e-12) {
                        current = score;
                        best = shifts[c];
                    }
                }
                shifts[c] = best;
                changed |= best != kept;
            }
            if (!changed) {
                break;
            }
        }
        return shifts;
    }

    private static float[][] outOfFold(
            Featurised train, int folded, int classes, TrainingConfig config, int folds, TrainingListener listener) {
        int[] fold = stratifiedFolds(Arrays.copyOf(train.labels(), folded), folds, config.seed());
        float[][] scores = new float[folded][];
        for (int f = 0; f < folds; f++) {
            listener.stage(
                    "calibrating the decision: fold " + (f + 1) + "/" + folds + " (a model trained on the rest)");
            List<Integer> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                (i < folded && fold[i] == f ? held : fit).add(i);
            }
            int[] fitRows = fit.stream().mapToInt(Integer::intValue).toArray();
            Featurised none = new Featurised(new int[0], new int[0], train.width());
            ModelWeights weights = EnsembleFitter.fit(
                            train,
                            fitRows,
                            none,
                            labelsOf(classes),
                            config.withSeed(config.seed() + 1000L * (f + 1)).withEarlyStopping(false),
                            e -> 0,
                            TrainingListener.NONE,
                            java.time.Clock.systemUTC())
                    .weights();
            int[] heldIds = new int[held.size() * train.width()];
            for (int r = 0; r < held.size(); r++) {
                System.arraycopy(train.ids(), held.get(r) * train.width(), heldIds, r * train.width(), train.width());
            }
            float[][] predicted = weights.probabilities(heldIds, held.size(), train.width());
            for (int r = 0; r < held.size(); r++) {
                scores[held.get(r)] = predicted[r];
            }
        }
        return scores;
    }

    private static List<String> labelsOf(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("label" + c);
        }
        return names;
    }

    /** Argmax after adding each label's shift to its logit (= multiplying its probability by e^shift). */
    static int[] decide(float[][] probabilities, float[] shifts) {
        double[] factors = new double[shifts.length];
        for (int c = 0; c < shifts.length; c++) {
            factors[c] = Math.exp(shifts[c]);
        }
        int[] decided = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            double bestScore = -1;
            for (int c = 0; c < factors.length; c++) {
                double score = probabilities[i][c] * factors[c];
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            decided[i] = best;
        }
        return decided;
    }

    private static int[] stratifiedFolds(int[] labels, int folds, long seed) {
        int[] fold = new int[labels.length];
        Random random = new Random(seed);
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int k = 0; k < members.size(); k++) {
                fold[members.get(k)] = k % folds;
            }
        }
        return fold;
    }

    /**
     * The chosen shifts and the out-of-fold figures before and after them.
     *
     * @param rule what was calibrated
     * @param shifts what each label's logit gets added
     */
    record Calibration(DecisionCalibration rule, float[] shifts, Evaluation before, Evaluation after) {}
}
