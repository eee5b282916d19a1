package org.voluntree.modeltools.cli;

import java.util.concurrent.Callable;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code delete}: removes a stored version that was never active (a training run nobody put to work). */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Deletes a stored version that has never been active, with its RedisAI copy.",
            "Versions that are or have been active are kept: messages featurised for them may still be waiting."
        })
public final class DeleteCommand implements Callable<Integer> {

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
        redis.withRegistry(registry -> {
            registry.delete(analyzer, version);
            return version;
        });
        spec.commandLine().getOut().printf("deleted %s v%d%n", analyzer, version);
        return ExitCodes.OK;
    }
}
