package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.LabelledText;
import org.voluntree.modeltools.data.Split;
import org.voluntree.modeltools.eval.EvaluationReport;
import org.voluntree.modeltools.train.EpochCompleted;
import org.voluntree.modeltools.train.ModelTrainer;
import org.voluntree.modeltools.train.TrainingConfig;
import org.voluntree.modeltools.train.TrainingListener;
import org.voluntree.modeltools.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: fits an analyzer's model in TensorFlow Java and writes the frozen artifact. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains an analyzer's model and writes DIR/model.pb and DIR/manifest.json.",
            "intent: --data train.tsv [--test test.tsv]; sentiment: --data yelp amazon [--test imdb];",
            "offense: --data labeled_data.csv (trains on the stratified 80 %%, seed 42, tests on the other 20 %%)."
        })
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainingDataOptions input;

    @Option(names = "--test", arity = "1..*", description = "held-out files scored after training (never trained on)")
    private List<Path> test = new ArrayList<>();

    @Option(names = "--out", required = true, description = "folder to write the model into")
    private Path out;

    @Mixin
    private TrainingOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Analyzer target = Analyzer.named(input.analyzer());
        TrainingConfig config = options.config(target);
        Split split = target.trainingSplit(input.data());
        List<LabelledText> examples = new ArrayList<>(split.train());
        List<String> provenance =
                new ArrayList<>(input.data().stream().map(Path::toString).toList());
        examples.addAll(options.extraExamples());
        provenance.addAll(options.extraProvenance());
        List<LabelledText> held = new ArrayList<>(split.heldOut());
        List<String> testProvenance = new ArrayList<>();
        if (!split.heldOut().isEmpty()) {
            testProvenance.add(input.data() + " (held-out " + Math.round(Analyzer.OFFENSE_HELD_OUT * 100)
                    + " %, stratified, seed " + Analyzer.OFFENSE_SPLIT_SEED + ")");
        }
        test.forEach(file -> testProvenance.add(file.toString()));
        for (Path file : test) {
            held.addAll(target.evaluationData(file));
        }
        List<LabelledText> trainOnly = options.trainOnlyExamples(target);
        out.printf(
                Locale.ROOT,
                "training %s on %d examples %s%s, testing on %d held-out examples%n",
                target.id(),
                examples.size(),
                Split.counts(examples),
                trainOnly.isEmpty() ? "" : " + " + trainOnly.size() + " training-only " + Split.counts(trainOnly),
                held.size());
        out.printf(Locale.ROOT, "config %s%n", config);
        out.flush();
        TrainingResult result = new ModelTrainer(Clock.systemUTC())
                .train(
                        target,
                        examples,
                        trainOnly,
                        options.orHead(target),
                        held,
                        provenance,
                        testProvenance,
                        config,
                        new TrainingListener() {
                            @Override
                            public void epochCompleted(EpochCompleted epoch) {
                                progress(out, epoch);
                            }

                            @Override
                            public void stage(String description) {
                                out.println(description);
                                out.flush();
                            }
                        });
        result.artifact().writeTo(this.out);
        Object calibration = result.artifact().manifest().metrics().get("calibration");
        if (calibration != null) {
            out.println("decision calibration (out-of-fold on the training data): " + calibration);
        }
        result.test()
                .ifPresent(evaluation -> out.print(EvaluationReport.text(
                        "held-out test (frozen graph)", evaluation, ModelTrainer.extras(target, evaluation))));
        out.printf(Locale.ROOT, "frozen graph matches the training graph within %.2e%n", result.freezeDifference());
        out.printf(
                Locale.ROOT,
                "wrote %s (%d bytes, sha256 %s)%n",
                this.out,
                result.artifact().graph().length,
                result.artifact().manifest().graphSha256());
        out.println("next: model-tools evaluate --analyzer " + target.id() + " --model " + this.out
                + " --data FILE, or model-tools load " + this.out + " --activate");
        return ExitCodes.OK;
    }

    private static void progress(PrintWriter out, EpochCompleted epoch) {
        // a model trained without a validation share (the OR head) has no validation figures
        String validation = Double.isNaN(epoch.validationAccuracy())
                ? ""
                : String.format(
                        Locale.ROOT,
                        "  validation accuracy %.4f  macro-F1 %.4f",
                        epoch.validationAccuracy(),
                        epoch.validationMacroF1());
        out.printf(
                Locale.ROOT,
                "model %d/%d epoch %2d/%d  loss %.4f%s  (%.1f s)%n",
                epoch.member(),
                epoch.members(),
                epoch.epoch(),
                epoch.epochs(),
                epoch.loss(),
                validation,
                epoch.took().toMillis() / 1000.0);
        out.flush();
    }
}
