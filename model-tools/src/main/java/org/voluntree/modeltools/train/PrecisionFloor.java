package org.voluntree.modeltools.train;

/**
 * A label that must rarely be predicted wrongly (e.g. {@code volunteer}, which triggers replies):
 * the trainer lowers that label's output bias until its precision on out-of-fold predictions of
 * the training data reaches {@code minPrecision}.
 *
 * @param label the guarded label
 * @param minPrecision the precision to reach on out-of-fold predictions
 * @param folds how many folds produce the out-of-fold predictions
 */
public record PrecisionFloor(String label, double minPrecision, int folds) implements DecisionCalibration {

    public PrecisionFloor {
        if (minPrecision <= 0 || minPrecision > 1 || folds < 2) {
            throw new IllegalArgumentException("invalid precision floor " + minPrecision + " over " + folds + " folds");
        }
    }
}
