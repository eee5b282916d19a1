package org.voluntree.modeltools.cli;

import java.util.concurrent.Callable;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.data.Analyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rollback}: re-activates the version that was active before the current one. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Re-activates the analyzer's previously active version.")
public final class RollbackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @Parameters(index = "0", paramLabel = "ANALYZER")
    private String analyzer;

    @Override
    public Integer call() {
        Analyzer.named(analyzer); // an unknown one is named with the known ones, before Redis is asked
        int restored = redis.withRegistry(registry -> registry.rollback(analyzer));
        spec.commandLine().getOut().printf("rolled %s back to v%d%n", analyzer, restored);
        return ExitCodes.OK;
    }
}
