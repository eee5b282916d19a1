package org.voluntree.modeltools.train;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.TensorSpec;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.LabelledText;
import org.voluntree.modeltools.data.Split;
import org.voluntree.modeltools.eval.Classifier;
import org.voluntree.modeltools.eval.Evaluation;

/**
 * Trains one analyzer's model: featurises, fits the network for the configured epochs
 * (reporting loss and validation figures), freezes it, checks that the frozen graph scores
 * like the training graph, and evaluates the frozen graph on the held-out test data.
 */
public final class ModelTrainer {

    /** How far frozen and training probabilities may differ (folding reorders float sums). */
    static final double FREEZE_TOLERANCE = 1e-4;

    private static final int PREDICT_BATCH = 4096;

    private final Clock clock;

    public ModelTrainer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param examples what the model may learn from (a validation share is taken from it)
     * @param test data the model never trains on, scored with the frozen graph; may be empty
     * @param provenance where {@code examples} came from, for the manifest
     * @param testProvenance where {@code test} came from, for the manifest
     */
    public TrainingResult train(
            Analyzer analyzer,
            List<LabelledText> examples,
            List<LabelledText> test,
            List<String> provenance,
            List<String> testProvenance,
            TrainingConfig config,
            TrainingListener listener) {
        return train(analyzer, examples, List.of(), test, provenance, testProvenance, config, listener);
    }

    /**
     * As {@link #train(Analyzer, List, List, List, List, TrainingConfig, TrainingListener)}, with
     * {@code trainOnly} examples added to the training share after the validation split, so that
     * the validation figures stay those of {@code examples}' own distribution.
     */
    public TrainingResult train(
            Analyzer analyzer,
            List<LabelledText> examples,
            List<LabelledText> trainOnly,
            List<LabelledText> test,
            List<String> provenance,
            List<String> testProvenance,
            TrainingConfig config,
            TrainingListener listener) {
        return train(analyzer, examples, trainOnly, null, test, provenance, testProvenance, config, listener);
    }

    /**
     * As above, with an {@link OrHead} trained from {@code head} after the main model and OR-ed into
     * it in the served graph ({@code null} for none).
     */
    public TrainingResult train(
            Analyzer analyzer,
            List<LabelledText> examples,
            List<LabelledText> trainOnly,
            OrHeadData head,
            List<LabelledText> test,
            List<String> provenance,
            List<String> testProvenance,
            TrainingConfig config,
            TrainingListener listener) {
        if (head != null && config.calibration() != null) {
            throw new IllegalArgumentException("a decision calibration is searched on the model without its OR head,"
                    + " so it cannot be combined with one; train the head's corpus as examples instead");
        }
        List<String> labels = analyzer.labels();
        Split split = config.validationFraction() > 0
                ? Split.stratified(examples, config.validationFraction(), config.seed())
                : new Split(examples, List.of());
        HashingFeaturiser featuriser = new HashingFeaturiser(config.featuriser());
        List<LabelledText> learned = new ArrayList<>(split.train());
        learned.addAll(trainOnly);
        Featurised train = Featurised.of(learned, labels, featuriser);
        Featurised validation = Featurised.of(split.heldOut(), labels, featuriser);
        Featurised held = Featurised.of(test, labels, featuriser);
        EnsembleFitter.Fitted fitted = EnsembleFitter.fit(
                train,
                EnsembleFitter.all(train.size()),
                validation,
                labels,
                config,
                e -> selectionScore(analyzer, e),
                listener,
                clock);
        Optional<Evaluation> validated = fitted.validation();
        TrainingConfig calibrationConfig =
                config.withEpochs(fitted.typicalEpochs()).withEarlyStopping(false);
        Optional<BiasCalibrator.Calibration> calibration = config.calibration() == null
                ? Optional.empty()
                : Optional.of(
                        BiasCalibrator.calibrate(train, split.train().size(), labels, calibrationConfig, listener));
        ModelWeights weights = fitted.weights();
        if (calibration.isPresent()) {
            float[] shifts = calibration.get().shifts();
            for (int c = 0; c < shifts.length; c++) {
                weights = weights.withOutputBiasShifted(c, shifts[c]);
            }
        }
        Optional<OrHead> orHead =
                Optional.ofNullable(head).map(h -> fitHead(h, learned, labels, featuriser, config, listener));
        if (orHead.isPresent() && validation.size() > 0) {
            validated = Optional.of(Evaluation.of(
                    labels, validation.labels(), EnsembleFitter.argMax(served(weights, orHead, validation))));
        }
        byte[] graph = FrozenGraph.build(weights, orHead, config.featuriser().maxFeatures());
        ModelManifest draft = manifest(analyzer, config, head, graph, Map.of(), provenance);
        try (TensorFlowEngine engine = new TensorFlowEngine();
                LoadedModel frozen = engine.load(new ModelArtifact(draft, graph))) {
            Featurised checked = held.size() > 0 ? held : validation.size() > 0 ? validation : train;
            double difference = maxDifference(weights, orHead, frozen, checked.firstRows(PREDICT_BATCH));
            if (difference > FREEZE_TOLERANCE) {
                throw new IllegalStateException("the frozen graph's probabilities differ from the trained weights' by "
                        + difference + "; this is a bug in the freezer");
            }
            Optional<Evaluation> tested = held.size() == 0
                    ? Optional.empty()
                    : Optional.of(Evaluation.of(
                            labels,
                            held.labels(),
                            new Classifier(frozen)
                                    .predict(test.stream()
                                            .map(LabelledText::text)
                                            .toList())));
            Map<String, Object> metrics = metrics(analyzer, train.size(), validated, tested);
            metrics.put("epochsKept", fitted.bestEpochs());
            if (!testProvenance.isEmpty()) {
                metrics.put("testData", List.copyOf(testProvenance));
            }
            calibration.ifPresent(c -> metrics.put("calibration", calibrationMetrics(labels, c)));
            ModelManifest manifest = manifest(analyzer, config, head, graph, metrics, provenance);
            return new TrainingResult(new ModelArtifact(manifest, graph), validated, tested, difference);
        }
    }

    /** What early stopping maximises: the analyzer's headline figure. */
    static double selectionScore(Analyzer analyzer, Evaluation evaluation) {
        return switch (analyzer) {
            case INTENT -> evaluation.macroF1();
            case SENTIMENT -> evaluation.accuracy();
            case OFFENSE -> evaluation.weightedF1();
        };
    }

    /** Trains the OR head on its corpus and the main model's {@code from} examples. */
    private OrHead fitHead(
            OrHeadData head,
            List<LabelledText> learned,
            List<String> labels,
            HashingFeaturiser featuriser,
            TrainingConfig config,
            TrainingListener listener) {
        int label = labels.indexOf(head.label());
        int from = labels.indexOf(head.from());
        if (label < 0 || from < 0) {
            throw new IllegalArgumentException(
                    "an OR head moves between two of " + labels + ", not " + head.from() + " → " + head.label());
        }
        Featurised train = Featurised.of(head.examples(learned), OrHeadData.LABELS, featuriser);
        listener.stage("training the " + head.label() + " detector OR-ed into the model on " + train.size()
                + " examples (" + head.corpus().size() + " corpus examples × " + head.repeat() + " and every '"
                + head.from() + "' the model learns)");
        EnsembleFitter.Fitted fitted = EnsembleFitter.fit(
                train,
                EnsembleFitter.all(train.size()),
                Featurised.of(List.of(), OrHeadData.LABELS, featuriser),
                OrHeadData.LABELS,
                OrHeadData.config(config),
                Evaluation::accuracy,
                listener,
                clock);
        return new OrHead(fitted.weights(), label, from);
    }

    /** What the served model gives the rows: the weights' probabilities, with the OR head's if there is one. */
    private static float[][] served(ModelWeights weights, Optional<OrHead> head, Featurised data) {
        return head.isPresent()
                ? head.get().probabilities(weights, data.ids(), data.size(), data.width())
                : weights.probabilities(data.ids(), data.size(), data.width());
    }

    /** Compares the frozen graph with the plain-Java scoring of the same weights. */
    private static double maxDifference(
            ModelWeights weights, Optional<OrHead> head, LoadedModel frozen, Featurised data) {
        if (data.size() == 0) {
            return 0;
        }
        float[][] expected = served(weights, head, data);
        float[][] actual = frozen.predict(data.ids(), data.size());
        double max = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                max = Math.max(max, Math.abs(expected[r][c] - actual[r][c]));
            }
        }
        return max;
    }

    private static Map<String, Object> metrics(
            Analyzer analyzer, int trainingExamples, Optional<Evaluation> validation, Optional<Evaluation> test) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("trainingExamples", trainingExamples);
        validation.ifPresent(v -> metrics.put("validation", v.asMap()));
        test.ifPresent(t -> metrics.put("test", withExtras(analyzer, t)));
        return metrics;
    }

    /** The evaluation's figures plus the analyzer's own headline numbers. */
    public static Map<String, Object> withExtras(Analyzer analyzer, Evaluation evaluation) {
        Map<String, Object> map = new LinkedHashMap<>(evaluation.asMap());
        map.putAll(extras(analyzer, evaluation));
        return map;
    }

    /** Figures that one analyzer's protocol reports beyond the common ones. */
    public static Map<String, Object> extras(Analyzer analyzer, Evaluation evaluation) {
        Map<String, Object> extras = new LinkedHashMap<>();
        if (analyzer == Analyzer.OFFENSE) {
            extras.put(
                    "offensiveOrHateF1",
                    Math.round(evaluation.groupF1(Set.of("hate", "offensive")) * 10_000) / 10_000.0);
        }
        if (analyzer == Analyzer.INTENT) {
            extras.put(
                    "volunteerPrecision",
                    Math.round(evaluation.scoresOf("volunteer").precision() * 10_000) / 10_000.0);
        }
        return extras;
    }

    private ModelManifest manifest(
            Analyzer analyzer,
            TrainingConfig config,
            OrHeadData head,
            byte[] graph,
            Map<String, Object> metrics,
            List<String> provenance) {
        int labels = analyzer.labels().size();
        Map<String, Object> all = new LinkedHashMap<>(metrics);
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("embeddingDim", config.embeddingDim());
        hyperparameters.put("hiddenUnits", config.hiddenUnits());
        hyperparameters.put("epochs", config.epochs());
        hyperparameters.put("batchSize", config.batchSize());
        hyperparameters.put("learningRate", config.learningRate());
        hyperparameters.put("seed", config.seed());
        hyperparameters.put("classWeightPower", config.classWeightPower());
        hyperparameters.put("ensemble", config.ensemble());
        hyperparameters.put("earlyStopping", config.earlyStopping());
        hyperparameters.put("tokenDropout", config.tokenDropout());
        hyperparameters.put("pooling", config.pooling().toString());
        hyperparameters.put("l2", config.l2());
        if (config.nbScaling() != null) {
            hyperparameters.put("nbScalingAgainst", config.nbScaling());
        }
        if (head != null) {
            Map<String, Object> or = new LinkedHashMap<>();
            or.put("label", head.label());
            or.put("from", head.from());
            or.put("corpusExamples", head.corpus().size());
            or.put("repeat", head.repeat());
            or.put("epochs", OrHeadData.EPOCHS);
            hyperparameters.put("orHead", or);
        }
        all.put("hyperparameters", hyperparameters);
        return new ModelManifest(
                analyzer.id(),
                0,
                config.family(),
                analyzer.labels(),
                new TensorSpec(FrozenGraph.INPUT, "INT32", List.of(-1L, (long)
                        config.featuriser().maxFeatures())),
                new TensorSpec(FrozenGraph.OUTPUT, "FLOAT", List.of(-1L, (long) labels)),
                config.featuriser(),
                all,
                new ArrayList<>(provenance),
                ModelArtifact.sha256(graph),
                clock.instant());
    }

    /** What the manifest records of a calibration: the rule, the shifts and the out-of-fold figures it moved. */
    private static Map<String, Object> calibrationMetrics(List<String> labels, BiasCalibrator.Calibration c) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (c.rule() instanceof PrecisionFloor floor) {
            int guarded = labels.indexOf(floor.label());
            map.put("label", floor.label());
            map.put("logitShift", Math.round(-c.shifts()[guarded] * 100) / 100.0);
            map.put(
                    "outOfFoldPrecisionBefore",
                    round(c.before().scoresOf(floor.label()).precision()));
            map.put(
                    "outOfFoldPrecisionAfter",
                    round(c.after().scoresOf(floor.label()).precision()));
            map.put(
                    "outOfFoldRecallAfter",
                    round(c.after().scoresOf(floor.label()).recall()));
            map.put("outOfFoldMacroF1Before", round(c.before().macroF1()));
            map.put("outOfFoldMacroF1After", round(c.after().macroF1()));
        } else {
            Map<String, Object> shifts = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                shifts.put(labels.get(i), Math.round(c.shifts()[i] * 100) / 100.0);
            }
            map.put("objective", "weightedF1");
            map.put("logitShifts", shifts);
            map.put("outOfFoldWeightedF1Before", round(c.before().weightedF1()));
            map.put("outOfFoldWeightedF1After", round(c.after().weightedF1()));
        }
        map.put("folds", c.rule().folds());
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
