package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.modeltools.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code load}: stores a model folder in the Redis registry as the analyzer's next version. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Stores DIR (model.pb + manifest.json) in the registry as the analyzer's next version.")
public final class LoadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @Parameters(index = "0", paramLabel = "DIR", description = "model folder written by 'train'")
    private Path dir;

    @Option(names = "--activate", description = "also make it the active version")
    private boolean activate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelArtifact artifact = ModelArtifact.readFrom(dir);
        String analyzer = artifact.manifest().analyzer();
        redis.withRegistry(registry -> {
            int version = registry.store(artifact);
            out.printf(
                    "stored %s v%d (sha256 %s)%n",
                    analyzer, version, artifact.manifest().graphSha256());
            if (activate) {
                Optional<Integer> previous = registry.activate(analyzer, version);
                out.printf(
                        "activated %s v%d%s%n",
                        analyzer,
                        version,
                        previous.map(p -> " (was v" + p + ")").orElse(""));
            } else {
                out.printf("next: model-tools activate %s %d%n", analyzer, version);
            }
            return version;
        });
        return ExitCodes.OK;
    }
}
