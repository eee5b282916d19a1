package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.LabelledText;
import org.voluntree.modeltools.eval.Evaluation;
import org.voluntree.modeltools.eval.EvaluationReport;
import org.voluntree.modeltools.train.ModelTrainer;
import org.voluntree.modeltools.train.OrHeadData;
import org.voluntree.modeltools.train.TrainingConfig;
import org.voluntree.modeltools.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crossval}: k-fold cross-validation of a training configuration over training data, the
 * way to compare configurations without touching the held-out test data.
 */
@Command(
        name = "crossval",
        mixinStandardHelpOptions = true,
        description = {
            "Cross-validates a training configuration over the training data (stratified k folds).",
            "Trains on k-1 folds and scores the frozen graph on the k-th, then prints each fold and the",
            "pooled figures. Takes the same options as train. offense: only the training 80 %% of",
            "labeled_data.csv is folded (the held-out 20 %% is never touched)."
        })
public final class CrossValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingDataOptions input;

    @Option(names = "--folds", defaultValue = "10", description = "number of folds (default: ${DEFAULT-VALUE})")
    private int folds;

    @Option(
            names = "--fold-seed",
            defaultValue = "42",
            description = "seed of the fold assignment (default: ${DEFAULT-VALUE})")
    private long foldSeed;

    @Mixin
    private TrainingOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Analyzer target = Analyzer.named(input.analyzer());
        OptionRanges.atLeast("--folds", folds, 2);
        TrainingConfig config = options.config(target);
        List<LabelledText> examples = target.trainingSplit(input.data()).train();
        if (folds > examples.size()) {
            // every fold holds out at least one example
            throw OptionOutOfRangeException.of(
                    "--folds", "at most " + examples.size() + " (the training examples)", folds);
        }
        List<LabelledText> trainOnly = options.trainOnlyExamples(target);
        OrHeadData orHead = options.orHead(target);
        int[] fold = folds(examples, folds, foldSeed);
        out.printf(
                Locale.ROOT,
                "%d-fold cross-validation of %s on %d examples%nconfig %s%n",
                folds,
                target.id(),
                examples.size(),
                config);
        out.flush();
        List<String> labels = target.labels();
        int[][] pooled = new int[labels.size()][labels.size()];
        double accuracySum = 0;
        double accuracySquares = 0;
        for (int f = 0; f < folds; f++) {
            List<LabelledText> train = new ArrayList<>(options.extraExamples());
            List<LabelledText> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? held : train).add(examples.get(i));
            }
            Evaluation evaluation = new ModelTrainer(Clock.systemUTC())
                    .train(target, train, trainOnly, orHead, held, List.of(), List.of(), config, TrainingListener.NONE)
                    .test()
                    .orElseThrow();
            for (int g = 0; g < labels.size(); g++) {
                for (int p = 0; p < labels.size(); p++) {
                    pooled[g][p] += evaluation.confusion()[g][p];
                }
            }
            accuracySum += evaluation.accuracy();
            accuracySquares += evaluation.accuracy() * evaluation.accuracy();
            out.printf(
                    Locale.ROOT,
                    "fold %2d  accuracy %.4f  macro-F1 %.4f  weighted-F1 %.4f  %s%n",
                    f + 1,
                    evaluation.accuracy(),
                    evaluation.macroF1(),
                    evaluation.weightedF1(),
                    ModelTrainer.extras(target, evaluation));
            out.flush();
        }
        double mean = accuracySum / folds;
        double sd = Math.sqrt(Math.max(0, accuracySquares / folds - mean * mean));
        out.printf(Locale.ROOT, "mean fold accuracy %.4f (sd %.4f)%n", mean, sd);
        Evaluation all = pooled(labels, pooled);
        Map<String, Object> extras = new java.util.LinkedHashMap<>(ModelTrainer.extras(target, all));
        if (target == Analyzer.INTENT) {
            extras.put("volunteerRecall", Math.round(all.scoresOf("volunteer").recall() * 10_000) / 10_000.0);
        }
        out.print(EvaluationReport.text("pooled out-of-fold predictions", all, extras));
        return ExitCodes.OK;
    }

    private static Evaluation pooled(List<String> labels, int[][] confusion) {
        List<Integer> gold = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int g = 0; g < confusion.length; g++) {
            for (int p = 0; p < confusion.length; p++) {
                for (int n = 0; n < confusion[g][p]; n++) {
                    gold.add(g);
                    predicted.add(p);
                }
            }
        }
        return Evaluation.of(
                labels,
                gold.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Stratified fold of each example: every label's examples, shuffled with the seed, dealt round-robin. */
    static int[] folds(List<LabelledText> examples, int folds, long seed) {
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>())
                    .add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[examples.size()];
        int next = 0;
        for (List<Integer> members : byLabel.values()) {
            Collections.shuffle(members, random);
            for (int index : members) {
                fold[index] = next++ % folds;
            }
        }
        return fold;
    }
}
