package org.voluntree.modeltools.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code activate}: makes a stored version the analyzer's active one; running gears switch to it. */
@Command(
        name = "activate",
        mixinStandardHelpOptions = true,
        description = "Makes a stored version active; gears pick it up without a restart.")
public final class ActivateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @Parameters(index = "0", paramLabel = "ANALYZER")
    private String analyzer;

    @Parameters(index = "1", paramLabel = "VERSION")
    private int version;

    @Override
    public Integer call() {
        Analyzer.named(analyzer); // an unknown one is named with the known ones, before Redis is asked
        OptionRanges.atLeast("VERSION", version, 1);
        Optional<Integer> previous = redis.withRegistry(registry -> registry.activate(analyzer, version));
        spec.commandLine()
                .getOut()
                .printf(
                        "activated %s v%d%s%n",
                        analyzer,
                        version,
                        previous.map(p -> " (was v" + p + "; undo with 'model-tools rollback " + analyzer + "')")
                                .orElse(""));
        return ExitCodes.OK;
    }
}
