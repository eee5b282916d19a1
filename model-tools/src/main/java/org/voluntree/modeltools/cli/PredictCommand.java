package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.eval.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code predict}: classifies a text with every given model and prints each label and its scores. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Classifies TEXT with each model (default: every analyzer's folder under models/).")
public final class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder; repeat for several")
    private List<Path> models = new ArrayList<>();

    @Option(
            names = "--models-dir",
            defaultValue = "models",
            description = "where the default models live" + " (default: ${DEFAULT-VALUE})")
    private Path modelsDir;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "the message; several words are joined by spaces")
    private List<String> text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> dirs = models.isEmpty() ? defaults() : models;
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no model folders under " + modelsDir + "; pass --model DIR");
        }
        String message = String.join(" ", text);
        try (TensorFlowEngine engine = new TensorFlowEngine()) {
            for (Path dir : dirs) {
                try (LoadedModel model = engine.load(ModelArtifact.readFrom(dir))) {
                    float[] scores = new Classifier(model).scores(List.of(message))[0];
                    out.println(line(model.manifest(), scores));
                }
            }
        }
        return ExitCodes.OK;
    }

    private List<Path> defaults() {
        List<Path> dirs = new ArrayList<>();
        for (Analyzer analyzer : Analyzer.values()) {
            Path dir = modelsDir.resolve(analyzer.id());
            if (Files.isRegularFile(dir.resolve(ModelArtifact.MANIFEST_FILE))) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    private static String line(ModelManifest manifest, float[] scores) {
        StringBuilder line = new StringBuilder(
                String.format(Locale.ROOT, "%-10s %-22s", manifest.analyzer(), manifest.labelOf(scores)));
        for (int i = 0; i < scores.length; i++) {
            line.append(String.format(Locale.ROOT, " %s=%.3f", manifest.labels().get(i), scores[i]));
        }
        return line.toString();
    }
}
