package org.voluntree.modeltools.train;

import java.time.Duration;

/** Progress after one pass over the training data; validation figures are NaN without a validation split. */
public record EpochCompleted(int epoch, int epochs, double loss, double validationAccuracy,
        double validationMacroF1, Duration took) {
}
