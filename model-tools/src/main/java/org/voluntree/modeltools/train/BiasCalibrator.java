package org.voluntree.modeltools.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.voluntree.modeltools.eval.Classifier;
import org.voluntree.modeltools.eval.Evaluation;

/**
 * Finds how much to lower one label's logit so that the label keeps a precision floor: trains
 * the network on k−1 folds of the training data, predicts the k-th, and searches the smallest
 * shift whose out-of-fold precision reaches the floor. Never looks at test data.
 */
final class BiasCalibrator {

    private static final double STEP = 0.05;
    private static final double MAX_SHIFT = 8;

    private BiasCalibrator() {
    }

    static Calibration calibrate(Featurised train, List<String> labels, TrainingConfig config) {
        PrecisionFloor floor = config.precisionFloor();
        int guarded = labels.indexOf(floor.label());
        if (guarded < 0) {
            throw new IllegalArgumentException("precision floor names '" + floor.label() + "', not one of " + labels);
        }
        float[][] outOfFold = outOfFold(train, labels.size(), config, floor.folds());
        Evaluation before = Evaluation.of(labels, train.labels(), decide(outOfFold, guarded, 0));
        double best = 0;
        double bestPrecision = -1;
        for (double shift = 0; shift <= MAX_SHIFT + 1e-9; shift += STEP) {
            double precision = Evaluation.of(labels, train.labels(), decide(outOfFold, guarded, shift))
                    .scoresOf(floor.label()).precision();
            if (precision > bestPrecision + 1e-12) {
                best = shift;
                bestPrecision = precision;
            }
            if (precision >= floor.minPrecision()) {
                best = shift;
                break;
            }
        }
        Evaluation after = Evaluation.of(labels, train.labels(), decide(outOfFold, guarded, best));
        return new Calibration(floor.label(), (float) best, before, after);
    }

    private static float[][] outOfFold(Featurised train, int classes, TrainingConfig config, int folds) {
        int[] fold = stratifiedFolds(train.labels(), folds, config.seed());
        float[][] scores = new float[train.size()][];
        for (int f = 0; f < folds; f++) {
            List<Integer> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                (fold[i] == f ? held : fit).add(i);
            }
            int[] fitRows = fit.stream().mapToInt(Integer::intValue).toArray();
            Featurised none = new Featurised(new int[0], new int[0], train.width());
            ModelWeights weights = EnsembleFitter.fit(train, fitRows, none, labelsOf(classes), config.withSeed(
                    config.seed() + 1000L * (f + 1)).withEarlyStopping(false), e -> 0, TrainingListener.NONE,
                    java.time.Clock.systemUTC()).weights();
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

    /** Argmax after dividing the guarded label's probability by e^shift (= lowering its logit by shift). */
    static int[] decide(float[][] probabilities, int guarded, double shift) {
        double factor = Math.exp(-shift);
        int[] decided = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            float[] adjusted = probabilities[i].clone();
            adjusted[guarded] = (float) (adjusted[guarded] * factor);
            decided[i] = Classifier.argMax(adjusted);
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
     * The chosen shift and the out-of-fold figures before and after it.
     *
     * @param label the guarded label
     * @param shift how much its logit is lowered
     */
    record Calibration(String label, float shift, Evaluation before, Evaluation after) {
    }
}
