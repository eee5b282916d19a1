package org.voluntree.modeltools.train;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.voluntree.modeltools.eval.Classifier;
import org.voluntree.modeltools.eval.Evaluation;

/**
 * Trains the {@link TrainingConfig#ensemble()} members of a model (seeds {@code seed + m}), each
 * optionally stopped at its best validation epoch, and averages them into one linear model.
 */
final class EnsembleFitter {

    private static final int PREDICT_BATCH = 4096;

    /**
     * @param weights the averaged (or single) model
     * @param bestEpochs per member, the epoch whose weights were kept
     * @param validation the averaged model on the validation split, if there was one
     */
    record Fitted(ModelWeights weights, List<Integer> bestEpochs, Optional<Evaluation> validation) {

        /** The mean kept epoch, rounded: how long to train models that have no validation split. */
        int typicalEpochs() {
            return (int) Math.max(
                    1,
                    Math.round(bestEpochs.stream()
                            .mapToInt(Integer::intValue)
                            .average()
                            .orElse(1)));
        }
    }

    private EnsembleFitter() {}

    /**
     * @param rows the rows of {@code train} to learn from
     * @param validation may be empty
     * @param score what early stopping maximises on the validation split
     */
    static Fitted fit(
            Featurised train,
            int[] rows,
            Featurised validation,
            List<String> labels,
            TrainingConfig config,
            ToDoubleFunction<Evaluation> score,
            TrainingListener listener,
            Clock clock) {
        float[] classWeights = classWeights(train.labels(), rows, labels.size(), config.classWeightPower());
        float[] idWeights = null;
        if (config.nbScaling() != null) {
            int label = labels.indexOf(config.nbScaling());
            if (label < 0) {
                throw new IllegalArgumentException(
                        "naive-Bayes scaling against '" + config.nbScaling() + "', which is not one of " + labels);
            }
            idWeights = NaiveBayesScaling.weights(
                    train, rows, label, config.featuriser().buckets());
        }
        List<ModelWeights> members = new ArrayList<>();
        List<Integer> bestEpochs = new ArrayList<>();
        for (int m = 0; m < config.ensemble(); m++) {
            long seed = config.seed() + m;
            try (EmbeddingBagNetwork network =
                    new EmbeddingBagNetwork(config.withSeed(seed), labels.size(), idWeights)) {
                Random shuffler = new Random(seed);
                int[] order = rows.clone();
                ModelWeights best = null;
                double bestScore = Double.NEGATIVE_INFINITY;
                int bestEpoch = config.epochs();
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    Instant started = clock.instant();
                    shuffle(order, shuffler);
                    double loss = network.trainEpoch(train.ids(), train.labels(), order, classWeights);
                    Optional<Evaluation> validated = validation.size() == 0
                            ? Optional.empty()
                            : Optional.of(Evaluation.of(labels, validation.labels(), argMax(network, validation)));
                    if (config.earlyStopping() && validated.isPresent()) {
                        double s = score.applyAsDouble(validated.get());
                        if (s > bestScore + 1e-9) {
                            bestScore = s;
                            bestEpoch = epoch;
                            best = network.weights();
                        }
                    }
                    listener.epochCompleted(new EpochCompleted(
                            m + 1,
                            config.ensemble(),
                            epoch,
                            config.epochs(),
                            loss,
                            validated.map(Evaluation::accuracy).orElse(Double.NaN),
                            validated.map(Evaluation::macroF1).orElse(Double.NaN),
                            Duration.between(started, clock.instant())));
                }
                members.add(best != null ? best : network.weights());
                bestEpochs.add(best != null ? bestEpoch : config.epochs());
            }
        }
        ModelWeights averaged = ModelWeights.average(members);
        Optional<Evaluation> validated = validation.size() == 0
                ? Optional.empty()
                : Optional.of(Evaluation.of(
                        labels,
                        validation.labels(),
                        argMax(averaged.probabilities(validation.ids(), validation.size(), validation.width()))));
        return new Fitted(averaged, bestEpochs, validated);
    }

    /** {@code (n / (classes · n_label))^power} per label, counted over {@code rows}; 1 for absent labels. */
    static float[] classWeights(int[] labels, int[] rows, int classes, double power) {
        float[] weights = new float[classes];
        int[] counts = new int[classes];
        for (int row : rows) {
            counts[labels[row]]++;
        }
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 || power == 0
                    ? 1f
                    : (float) Math.pow((double) rows.length / (classes * (double) counts[c]), power);
        }
        return weights;
    }

    static int[] all(int size) {
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = i;
        }
        return rows;
    }

    static int[] argMax(float[][] scores) {
        int[] predicted = new int[scores.length];
        for (int r = 0; r < scores.length; r++) {
            predicted[r] = Classifier.argMax(scores[r]);
        }
        return predicted;
    }

    private static int[] argMax(EmbeddingBagNetwork network, Featurised data) {
        int[] predicted = new int[data.size()];
        for (int start = 0; start < data.size(); start += PREDICT_BATCH) {
            int count = Math.min(PREDICT_BATCH, data.size() - start);
            float[][] scores = network.predict(data.rows(start, count), count);
            for (int r = 0; r < count; r++) {
                predicted[start + r] = Classifier.argMax(scores[r]);
            }
        }
        return predicted;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
