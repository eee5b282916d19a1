package org.voluntree.modeltools.train;

import java.util.Optional;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.modeltools.eval.Evaluation;

/**
 * What a training run produced.
 *
 * @param artifact the frozen graph and its manifest
 * @param validation figures on the validation split, if there was one
 * @param test figures of the frozen graph on held-out test data, if any was given
 * @param freezeDifference the largest absolute difference between the training graph's and the
 *     frozen graph's probabilities over the checked examples
 */
public record TrainingResult(
        ModelArtifact artifact, Optional<Evaluation> validation, Optional<Evaluation> test, double freezeDifference) {}
