package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.LabelledText;
import org.voluntree.modeltools.data.LabelledTsvReader;
import org.voluntree.modeltools.eval.Classifier;
import org.voluntree.modeltools.eval.Evaluation;
import org.voluntree.modeltools.eval.EvaluationReport;
import org.voluntree.modeltools.train.ModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: scores a frozen model on labelled data it never trained on. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Prints accuracy, macro-F1, weighted-F1, per-label precision/recall/F1 and the confusion matrix.",
            "intent: FILE is a label<TAB>text TSV; sentiment: a UCI file (e.g. imdb_labelled.txt);",
            "offense: labeled_data.csv, of which the held-out 20 %% (stratified, seed 42) is scored, or a",
            "label<TAB>text TSV of the team's comments (e.g. data/offense/test.tsv), scored whole."
        })
public final class EvaluateCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--analyzer", required = true, description = "intent, sentiment or offense")
    private String analyzer;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "labelled evaluation data")
    private Path data;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: models/ANALYZER)")
    private Path model;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(
            names = "--mistakes",
            description = "also list every misclassified text with its gold label, the predicted label and"
                    + " the scores (text format; not for the offense data set's tweets, which are never printed)")
    private boolean mistakes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Analyzer target = Analyzer.named(analyzer);
        if (mistakes && format == Format.json) {
            throw new IllegalArgumentException("--mistakes is for the text format; leave out --format json");
        }
        if (mistakes && target == Analyzer.OFFENSE && !LabelledTsvReader.isTsv(data)) {
            throw new IllegalArgumentException("--mistakes does not print the offense data set's tweets (see"
                    + " ../shared/data/README.md); use it with a label<TAB>text file such as data/offense/test.tsv");
        }
        Path dir = model != null ? model : Path.of("models", target.id());
        ModelArtifact artifact = ModelArtifact.readFrom(dir);
        if (!artifact.manifest().analyzer().equals(target.id())) {
            throw new IllegalArgumentException(
                    dir + " holds a " + artifact.manifest().analyzer() + " model, not " + target.id());
        }
        List<LabelledText> examples = target.evaluationData(data);
        List<String> labels = artifact.manifest().labels();
        float[][] scores;
        try (TensorFlowEngine engine = new TensorFlowEngine();
                LoadedModel loaded = engine.load(artifact)) {
            scores = new Classifier(loaded)
                    .scores(examples.stream().map(LabelledText::text).toList());
        }
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = Classifier.argMax(scores[i]);
        }
        int[] gold = examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        Evaluation evaluation = Evaluation.of(labels, gold, predicted);
        Map<String, Object> extras = ModelTrainer.extras(target, evaluation);
        if (format == Format.json) {
            out.println(EvaluationReport.json(target.id(), evaluation, extras));
        } else {
            out.print(EvaluationReport.text(target.id() + " " + dir + " on " + data, evaluation, extras));
        }
        if (mistakes) {
            printMistakes(out, examples, labels, gold, predicted, scores);
        }
        return ExitCodes.OK;
    }

    /** One line per misclassified text: gold, predicted and its score, the runner-up, the text. */
    private static void printMistakes(
            PrintWriter out,
            List<LabelledText> examples,
            List<String> labels,
            int[] gold,
            int[] predicted,
            float[][] scores) {
        int count = 0;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            if (gold[i] == predicted[i]) {
                continue;
            }
            count++;
            lines.append(String.format(
                    Locale.ROOT,
                    "%-22s -> %-22s %.2f  (%s %.2f)  %s%n",
                    labels.get(gold[i]),
                    labels.get(predicted[i]),
                    scores[i][predicted[i]],
                    labels.get(gold[i]),
                    scores[i][gold[i]],
                    examples.get(i).text().replaceAll("\\s+", " ")));
        }
        out.printf(
                Locale.ROOT,
                "%nmistakes: %d of %d (gold -> predicted score, gold's score, text)%n",
                count,
                examples.size());
        out.print(lines);
    }
}
