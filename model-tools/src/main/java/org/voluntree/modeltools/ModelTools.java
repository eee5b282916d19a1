package org.voluntree.modeltools;

import org.voluntree.modeltools.cli.ActivateCommand;
import org.voluntree.modeltools.cli.CrossValidateCommand;
import org.voluntree.modeltools.cli.DeadCommand;
import org.voluntree.modeltools.cli.DeleteCommand;
import org.voluntree.modeltools.cli.EvaluateCommand;
import org.voluntree.modeltools.cli.GearsCommand;
import org.voluntree.modeltools.cli.ListCommand;
import org.voluntree.modeltools.cli.LoadCommand;
import org.voluntree.modeltools.cli.PredictCommand;
import org.voluntree.modeltools.cli.RetrainCommand;
import org.voluntree.modeltools.cli.RollbackCommand;
import org.voluntree.modeltools.cli.TrainCommand;
import org.voluntree.modeltools.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code model-tools}: train, evaluate, predict with, and manage the versions of the analyzers' models. */
@Command(
        name = "model-tools",
        mixinStandardHelpOptions = true,
        version = "model-tools 0.1.0",
        description = "Trains, evaluates and manages Voluntree's text classifiers.",
        subcommands = {
            TrainCommand.class,
            RetrainCommand.class,
            CrossValidateCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            LoadCommand.class,
            ListCommand.class,
            ActivateCommand.class,
            DeleteCommand.class,
            RollbackCommand.class,
            VerifyCommand.class,
            GearsCommand.class,
            DeadCommand.class
        })
public final class ModelTools implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The CLI has no SLF4J provider (the app, which embeds model-tools, brings Spring Boot's
        // Logback; a second provider on the jar's class path would break it): say nothing about that
        // on every command. The commands report failures themselves.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        CommandLine commandLine = commandLine();
        int code = commandLine.execute(args);
        // picocli's writers do not flush on their own, and System.exit would drop what they hold
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(code);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ModelTools());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command");
    }
}
