package org.voluntree.modeltools.train;

import java.time.Duration;

/**
 * Progress after one pass over the training data; validation figures are NaN without a validation split.
 *
 * @param member which ensemble member (1-based) of {@code members}
 */
public record EpochCompleted(
        int member,
        int members,
        int epoch,
        int epochs,
        double loss,
        double validationAccuracy,
        double validationMacroF1,
        Duration took) {}
