package org.voluntree.modeltools.train;

/**
 * Shifts every label's logit, relative to the most frequent label's, to the values whose
 * out-of-fold weighted F1 is highest: argmax of uncalibrated probabilities favours the frequent
 * labels, which a weighted F1 over imbalanced labels does not reward.
 *
 * @param folds how many folds produce the out-of-fold predictions
 */
public record BestWeightedF1(int folds) implements DecisionCalibration {

    public BestWeightedF1 {
        if (folds < 2) {
            throw new IllegalArgumentException("weighted-F1 calibration needs at least 2 folds, was " + folds);
        }
    }
}
