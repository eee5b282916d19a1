package org.voluntree.modeltools.train;

import java.util.function.Consumer;
import org.voluntree.contracts.text.ExtraFeatures;
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
 * @param calibration how the output biases are moved after fitting (a label's precision floor, or
 *     the best weighted F1), or {@code null} for none
 * @param classWeightPower weights each example's loss by {@code (n / (classes · n_label))^power}:
 *     0 = unweighted, 1 = balanced classes, 0.5 = half-way
 * @param ensemble how many linear models (seeds {@code seed, seed+1, …}) are averaged into the one
 *     served table; averaging linear models' logits is itself a linear model, so serving costs the same
 * @param earlyStopping keep each model's weights from the epoch with the best validation score
 *     (needs a validation fraction) instead of the last epoch's
 * @param tokenDropout while training, each id of an example is dropped with this probability
 *     (a fresh draw every time the example is seen), so that no single rare n-gram can memorise
 *     an example; serving reads every id
 * @param pooling how an example's embedding rows are combined (mean, ÷√n or sum)
 * @param l2 weight of the L2 penalty {@code l2 · ½‖w‖²} on the embedding and dense weights
 *     (biases excluded), added to the mean loss of a batch; 0 for none
 * @param nbScaling a label, or {@code null} for none: each id's embedding row is scaled by the
 *     absolute log-count ratio of the id between the training examples with that label and the
 *     others (Wang and Manning's NBSVM, 2012), a fixed factor folded into the served table, so an id
 *     that tells the label apart is regularised less than one found as often on both sides
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
        DecisionCalibration calibration,
        double classWeightPower,
        int ensemble,
        boolean earlyStopping,
        double tokenDropout,
        Pooling pooling,
        double l2,
        String nbScaling) {

    public static final long DEFAULT_SEED = 42;

    /** A single unweighted model trained for all its epochs. */
    public TrainingConfig(
            FeaturiserConfig featuriser,
            int embeddingDim,
            int hiddenUnits,
            int epochs,
            int batchSize,
            float learningRate,
            double validationFraction,
            long seed,
            DecisionCalibration calibration) {
        this(
                featuriser,
                embeddingDim,
                hiddenUnits,
                epochs,
                batchSize,
                learningRate,
                validationFraction,
                seed,
                calibration,
                0,
                1,
                false,
                0,
                Pooling.MEAN,
                0,
                null);
    }

    public TrainingConfig {
        if (classWeightPower < 0 || ensemble < 1 || (ensemble > 1 && hiddenUnits > 0)) {
            throw new IllegalArgumentException("invalid class weight power " + classWeightPower + " or ensemble "
                    + ensemble + " (ensembles are averaged linear models: no hidden layer)");
        }
        if (tokenDropout < 0 || tokenDropout >= 1) {
            throw new IllegalArgumentException("token dropout must be in [0, 1), was " + tokenDropout);
        }
        if (pooling == null || l2 < 0) {
            throw new IllegalArgumentException("pooling must be given and L2 not negative, was " + pooling + "/" + l2);
        }
        if (earlyStopping && validationFraction == 0) {
            throw new IllegalArgumentException("early stopping needs a validation fraction");
        }
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
            case INTENT ->
                new TrainingConfig(
                        new FeaturiserConfig(TextNormaliser.VERSION, 1 << 16, 64, true, 4, 4, 0x5eed)
                                .withExtras(ExtraFeatures.NONE.withNegationWindow(3)),
                        64,
                        0,
                        20,
                        32,
                        0.005f,
                        0.1,
                        DEFAULT_SEED,
                        new PrecisionFloor("volunteer", 0.97, DecisionCalibration.DEFAULT_FOLDS),
                        0,
                        3,
                        false,
                        0,
                        Pooling.SQRT,
                        1e-4,
                        null);
            case SENTIMENT ->
                new TrainingConfig(
                        new FeaturiserConfig(2, 1 << 16, 96, true, 0, 0, 0x5eed)
                                .withExtras(ExtraFeatures.NONE.withNegationWindow(3)),
                        2,
                        0,
                        30,
                        32,
                        0.01f,
                        0.1,
                        DEFAULT_SEED,
                        null,
                        0,
                        1,
                        false,
                        0,
                        Pooling.MEAN,
                        3e-3,
                        null);
            case OFFENSE ->
                new TrainingConfig(
                        new FeaturiserConfig(3, 1 << 16, 256, true, 3, 4, 0x5eed),
                        3,
                        0,
                        20,
                        64,
                        0.005f,
                        0.1,
                        DEFAULT_SEED,
                        null,
                        0,
                        3,
                        true,
                        0,
                        Pooling.SQRT,
                        3e-4,
                        null);
        };
    }

    public TrainingConfig withFeaturiser(FeaturiserConfig value) {
        return edit(f -> f.featuriser = value);
    }

    public TrainingConfig withEmbeddingDim(int value) {
        return edit(f -> f.embeddingDim = value);
    }

    public TrainingConfig withHiddenUnits(int value) {
        return edit(f -> f.hiddenUnits = value);
    }

    public TrainingConfig withEpochs(int value) {
        return edit(f -> f.epochs = value);
    }

    public TrainingConfig withBatchSize(int value) {
        return edit(f -> f.batchSize = value);
    }

    public TrainingConfig withLearningRate(float value) {
        return edit(f -> f.learningRate = value);
    }

    public TrainingConfig withValidationFraction(double value) {
        return edit(f -> f.validationFraction = value);
    }

    public TrainingConfig withSeed(long value) {
        return edit(f -> f.seed = value);
    }

    public TrainingConfig withCalibration(DecisionCalibration value) {
        return edit(f -> f.calibration = value);
    }

    public TrainingConfig withClassWeightPower(double value) {
        return edit(f -> f.classWeightPower = value);
    }

    public TrainingConfig withEnsemble(int value) {
        return edit(f -> f.ensemble = value);
    }

    public TrainingConfig withEarlyStopping(boolean value) {
        return edit(f -> f.earlyStopping = value);
    }

    public TrainingConfig withTokenDropout(double value) {
        return edit(f -> f.tokenDropout = value);
    }

    public TrainingConfig withPooling(Pooling value) {
        return edit(f -> f.pooling = value);
    }

    public TrainingConfig withL2(double value) {
        return edit(f -> f.l2 = value);
    }

    public TrainingConfig withNbScaling(String value) {
        return edit(f -> f.nbScaling = value);
    }

    /** The manifest's family name for this shape of network. */
    public String family() {
        return hiddenUnits > 0 ? "embedding-bag-mlp" : "embedding-bag";
    }

    /** A copy with what {@code change} sets on a mutable copy of the fields (checked again when built). */
    private TrainingConfig edit(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.build();
    }

    /** The fields of a configuration, to change one or two in a with-method. */
    private static final class Fields {
        FeaturiserConfig featuriser;
        int embeddingDim;
        int hiddenUnits;
        int epochs;
        int batchSize;
        float learningRate;
        double validationFraction;
        long seed;
        DecisionCalibration calibration;
        double classWeightPower;
        int ensemble;
        boolean earlyStopping;
        double tokenDropout;
        Pooling pooling;
        double l2;
        String nbScaling;

        Fields(TrainingConfig config) {
            featuriser = config.featuriser;
            embeddingDim = config.embeddingDim;
            hiddenUnits = config.hiddenUnits;
            epochs = config.epochs;
            batchSize = config.batchSize;
            learningRate = config.learningRate;
            validationFraction = config.validationFraction;
            seed = config.seed;
            calibration = config.calibration;
            classWeightPower = config.classWeightPower;
            ensemble = config.ensemble;
            earlyStopping = config.earlyStopping;
            tokenDropout = config.tokenDropout;
            pooling = config.pooling;
            l2 = config.l2;
            nbScaling = config.nbScaling;
        }

        TrainingConfig build() {
            return new TrainingConfig(
                    featuriser,
                    embeddingDim,
                    hiddenUnits,
                    epochs,
                    batchSize,
                    learningRate,
                    validationFraction,
                    seed,
                    calibration,
                    classWeightPower,
                    ensemble,
                    earlyStopping,
                    tokenDropout,
                    pooling,
                    l2,
                    nbScaling);
        }
    }
}
