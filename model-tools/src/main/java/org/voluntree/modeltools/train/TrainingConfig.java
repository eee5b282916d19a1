package org.voluntree.modeltools.train;

import org.voluntree.contracts.text.FeaturiserConfig;
import org.voluntree.contracts.text.TextNormaliser;
import org.voluntree.modeltools.data.Analyzer;

/**
 * Hyperparameters of one training run.
 *
 * @param featuriser how texts become ids (saved in the manifest)
 * @param embeddingDim width of an id's embedding row
 * @param hiddenUnits width of the ReLU layer after the mean embedding, 0 for a linear model
 * @param epochs passes over the training data
 * @param batchSize examples per optimiser step
 * @param learningRate Adam's step size
 * @param validationFraction share of the training data held out to report progress, 0 for none
 * @param seed seeds weight initialisation, shuffling and the validation split
 * @param precisionFloor a label whose precision the decision rule must keep up, or {@code null}
 */
public record TrainingConfig(
        FeaturiserConfig featuriser,
        int embeddingDim,
        int hiddenUnits,
        int epochs,
        int batchSize,
        float learningRate,
        double validationFraction,
        long seed,
        PrecisionFloor precisionFloor) {

    public static final long DEFAULT_SEED = 42;

    public TrainingConfig {
        if (embeddingDim < 1 || hiddenUnits < 0 || epochs < 1 || batchSize < 1 || learningRate <= 0) {
            throw new IllegalArgumentException("invalid training configuration " + embeddingDim + "/" + hiddenUnits
                    + "/" + epochs + "/" + batchSize + "/" + learningRate);
        }
        if (validationFraction < 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), was " + validationFraction);
        }
    }

    /** The tuned defaults of each analyzer (see docs/models.md for how they were chosen). */
    public static TrainingConfig defaultsFor(Analyzer analyzer) {
        return switch (analyzer) {
            case INTENT -> new TrainingConfig(
                    new FeaturiserConfig(TextNormaliser.VERSION, 1 << 16, 64, true, 4, 4, 0x5eed),
                    64, 0, 6, 32, 0.01f, 0.1, DEFAULT_SEED,
                    new PrecisionFloor("volunteer", 0.95, 5));
            case SENTIMENT -> new TrainingConfig(
                    new FeaturiserConfig(TextNormaliser.VERSION, 1 << 16, 96, true, 3, 4, 0x5eed),
                    64, 0, 12, 32, 0.01f, 0.1, DEFAULT_SEED, null);
            case OFFENSE -> new TrainingConfig(
                    new FeaturiserConfig(TextNormaliser.VERSION, 1 << 16, 96, true, 3, 4, 0x5eed),
                    64, 0, 2, 64, 0.005f, 0.1, DEFAULT_SEED, null);
        };
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(featuriser, embeddingDim, hiddenUnits, newEpochs, batchSize, learningRate,
                validationFraction, seed, precisionFloor);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(featuriser, embeddingDim, hiddenUnits, epochs, batchSize, learningRate,
                validationFraction, newSeed, precisionFloor);
    }

    public TrainingConfig withHiddenUnits(int newHiddenUnits) {
        return new TrainingConfig(featuriser, embeddingDim, newHiddenUnits, epochs, batchSize, learningRate,
                validationFraction, seed, precisionFloor);
    }

    public TrainingConfig withFeaturiser(FeaturiserConfig newFeaturiser) {
        return new TrainingConfig(newFeaturiser, embeddingDim, hiddenUnits, epochs, batchSize, learningRate,
                validationFraction, seed, precisionFloor);
    }

    public TrainingConfig withPrecisionFloor(PrecisionFloor newFloor) {
        return new TrainingConfig(featuriser, embeddingDim, hiddenUnits, epochs, batchSize, learningRate,
                validationFraction, seed, newFloor);
    }

    /** The manifest's family name for this shape of network. */
    public String family() {
        return hiddenUnits > 0 ? "embedding-bag-mlp" : "embedding-bag";
    }
}
