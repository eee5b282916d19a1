package org.voluntree.modeltools.train;

/**
 * How the trainer moves the output biases after fitting, decided on out-of-fold predictions of
 * the training data (never on test data) and folded into the frozen graph, so that every engine's
 * argmax applies it.
 */
public sealed interface DecisionCalibration permits PrecisionFloor, BestWeightedF1 {

    /** The folds of the default models' calibrations and of the CLI's. */
    int DEFAULT_FOLDS = 5;

    /** How many folds produce the out-of-fold predictions. */
    int folds();
}
