package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelNotFoundException;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.redisai.RedisAiEngine;
import org.voluntree.gears.engine.redisai.RedisModules;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.LabelledText;
import org.voluntree.modeltools.eval.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: runs the same featurised inputs through the embedded TensorFlow engine and
 * the RedisAI engine and prints the largest absolute score difference, per analyzer and overall.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Scores the same texts with TensorFlow Java and with RedisAI (the registry's active versions) "
                    + "and prints the largest absolute score difference.",
            "Fails when the difference exceeds --tolerance (exit 1) or when the Redis server has no RedisAI module "
                    + "(exit 5)."
        })
public final class VerifyCommand implements Callable<Integer> {

    /** Used when no --data is given: one message per kind of intent, some sentiment and offense. */
    static final List<String> SAMPLE = List.of(
            "Count me in for Saturday!",
            "How do I sign up to volunteer?",
            "What time does it start and where do I park?",
            "Do I need a background check?",
            "Can I donate canned food instead?",
            "Thank you all, amazing work",
            "Sorry, can't make it this time",
            "this is the worst organised event ever",
            "you people are idiots",
            "Love it, great value!",
            "ok");

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @Option(
            names = "--analyzer",
            description = "intent, sentiment or offense (default: every analyzer with an " + "active version)")
    private String analyzer;

    @Option(
            names = "--data",
            paramLabel = "FILE",
            description = "labelled data in the analyzer's format "
                    + "(needs --analyzer; default: a built-in sample of messages)")
    private Path data;

    @Option(
            names = "--model-version",
            paramLabel = "N",
            description = "registry version (needs --analyzer; default: " + "the active one)")
    private Integer version;

    @Option(
            names = "--tolerance",
            defaultValue = "1e-4",
            description = "largest acceptable difference " + "(default: ${DEFAULT-VALUE})")
    private double tolerance;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptionRanges.atLeast("--tolerance", tolerance, 0);
        OptionRanges.atLeast("--model-version", version, 1);
        if ((data != null || version != null) && analyzer == null) {
            throw new IllegalArgumentException("--data and --model-version need --analyzer");
        }
        List<String> texts = data == null
                ? SAMPLE
                : Analyzer.named(analyzer).evaluationData(data).stream()
                        .map(LabelledText::text)
                        .toList();
        if (!ModuleRequirement.check(redis.url(), err, RedisModules.REDISAI)) {
            return ExitCodes.REDIS_UNAVAILABLE;
        }
        List<ModelArtifact> artifacts = redis.withRegistry(registry -> {
            Map<String, Integer> versions = new TreeMap<>();
            if (analyzer != null) {
                versions.put(
                        analyzer,
                        version != null
                                ? version
                                : registry.activeVersion(analyzer)
                                        .orElseThrow(() -> ModelNotFoundException.noActive(analyzer)));
            } else {
                versions.putAll(registry.activeVersions());
            }
            List<ModelArtifact> found = new ArrayList<>();
            versions.forEach((a, v) -> found.add(registry.artifact(a, v)));
            return found;
        });
        if (artifacts.isEmpty()) {
            throw ModelNotFoundException.noActive("any analyzer");
        }
        double largest = 0;
        try (TensorFlowEngine tensorflow = new TensorFlowEngine();
                RedisAiEngine redisai = RedisAiEngine.connect(redis.url(), Duration.ofSeconds(30))) {
            for (ModelArtifact artifact : artifacts) {
                Comparison comparison;
                try (LoadedModel embedded = tensorflow.load(artifact);
                        LoadedModel inRedis = redisai.load(artifact)) {
                    comparison = Comparison.of(
                            new Classifier(embedded).scores(texts), new Classifier(inRedis).scores(texts));
                }
                out.printf(
                        Locale.ROOT,
                        "%s v%d: %d messages, largest absolute score difference %.3e, same label for " + "%d/%d%n",
                        artifact.manifest().analyzer(),
                        artifact.manifest().version(),
                        texts.size(),
                        comparison.largestDifference(),
                        comparison.sameLabel(),
                        texts.size());
                largest = Math.max(largest, comparison.largestDifference());
            }
        }
        out.printf(Locale.ROOT, "largest absolute score difference between tensorflow and redisai: %.3e%n", largest);
        if (largest > tolerance) {
            err.printf(
                    Locale.ROOT,
                    "error: the engines differ by %.3e, more than the tolerance %.1e%n",
                    largest,
                    tolerance);
            err.println("next: check that RedisAI runs TensorFlow 2.8 and that the graph's ops are supported there"
                    + " (docs/models.md)");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** How two engines' scores for the same rows compare. */
    record Comparison(double largestDifference, int sameLabel) {

        static Comparison of(float[][] a, float[][] b) {
            if (a.length != b.length) {
                throw new IllegalStateException("the engines returned " + a.length + " and " + b.length + " rows");
            }
            double largest = 0;
            int same = 0;
            for (int row = 0; row < a.length; row++) {
                if (a[row].length != b[row].length) {
                    throw new IllegalStateException(
                            "row " + row + " has " + a[row].length + " and " + b[row].length + " scores");
                }
                for (int i = 0; i < a[row].length; i++) {
                    largest = Math.max(largest, Math.abs((double) a[row][i] - b[row][i]));
                }
                if (Classifier.argMax(a[row]) == Classifier.argMax(b[row])) {
                    same++;
                }
            }
            return new Comparison(largest, same);
        }
    }
}
