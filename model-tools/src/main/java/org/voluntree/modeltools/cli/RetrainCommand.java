package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code retrain}: trains the default models again, each with exactly the data it was trained on. */
@Command(
        name = "retrain",
        mixinStandardHelpOptions = true,
        description = "Reproduces the default models: runs 'train' for each analyzer with the data and options of"
                + " its committed model (printing the command first) and writes MODELS/ANALYZER.")
public final class RetrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--analyzer",
            arity = "1..*",
            paramLabel = "ANALYZER",
            description = "intent, sentiment and/or offense (default: all three)")
    private List<String> analyzers = new ArrayList<>();

    @Option(
            names = "--shared-data",
            paramLabel = "DIR",
            defaultValue = "${env:VOLUNTREE_SHARED_DATA:-../shared/data}",
            description = "the public data sets (default: $VOLUNTREE_SHARED_DATA, else ${DEFAULT-VALUE})")
    private Path sharedData;

    @Option(
            names = "--intent-data",
            paramLabel = "DIR",
            defaultValue = "${env:VOLUNTREE_INTENT_DATA:-data/intent}",
            description = "the team's intent corpus (default: $VOLUNTREE_INTENT_DATA, else ${DEFAULT-VALUE})")
    private Path intentData;

    @Option(
            names = "--offense-data",
            paramLabel = "DIR",
            defaultValue = "${env:VOLUNTREE_OFFENSE_DATA:-data/offense}",
            description = "the team's moderation corpus (default: $VOLUNTREE_OFFENSE_DATA, else ${DEFAULT-VALUE})")
    private Path offenseData;

    @Option(
            names = "--models",
            paramLabel = "DIR",
            defaultValue = "models",
            description = "where the models go (default: ${DEFAULT-VALUE})")
    private Path models;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Analyzer> targets = analyzers.isEmpty()
                ? Arrays.asList(Analyzer.values())
                : analyzers.stream().map(Analyzer::named).toList();
        DefaultTraining defaults = new DefaultTraining(sharedData, intentData, offenseData);
        List<List<String>> runs = new ArrayList<>();
        for (Analyzer analyzer : targets) {
            // every data file is checked before the first model is trained
            runs.add(defaults.trainArguments(analyzer, models.resolve(analyzer.id())));
        }
        for (List<String> arguments : runs) {
            out.println("model-tools " + String.join(" ", arguments));
            out.flush();
            // the root's own 'train' (its output, error handler and exit codes), not a nested root
            CommandLine train = spec.root().commandLine().getSubcommands().get(arguments.get(0));
            int exit = train.execute(arguments.subList(1, arguments.size()).toArray(String[]::new));
            if (exit != ExitCodes.OK) {
                return exit;
            }
        }
        return ExitCodes.OK;
    }
}
