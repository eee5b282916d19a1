package org.voluntree.modeltools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.gears.engine.redisai.RedisAiEngine;
import org.voluntree.gears.engine.redisai.RedisAiKeys;
import org.voluntree.gears.engine.redisai.RedisModules;
import org.voluntree.gears.redisgears.GearsScript;
import org.voluntree.modeltools.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gears register}: stores the registry's models in RedisAI, then sends the RedisGears
 * script with {@code RG.PYEXECUTE} (replacing an earlier registration). Run it again after
 * loading or activating a model version: the script reads only models already in RedisAI.
 */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = {
            "Stores every analyzer's active and newest model versions in RedisAI, then registers "
                    + "gears/redisgears/voluntree_gear.py with RG.PYEXECUTE (replacing an earlier registration).",
            "Needs RedisGears 1.2 and RedisAI 1.2; run it again after loading or activating a model version."
        })
public final class GearsRegisterCommand implements Callable<Integer> {

    /** Versions per analyzer kept in RedisAI besides the active one, as the Java gear keeps them loaded. */
    private static final int NEWEST = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @Option(names = "--script", paramLabel = "FILE", description = "script to send (default: the one in this build)")
    private Path script;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!ModuleRequirement.check(
                redis.url(), spec.commandLine().getErr(), RedisModules.REDISGEARS, RedisModules.REDISAI)) {
            return ExitCodes.REDIS_UNAVAILABLE;
        }
        String source = script == null ? GearsScript.packaged() : read(script);
        int stored = redis.withRegistry(registry -> {
            int count = 0;
            try (RedisAiEngine engine = RedisAiEngine.connect(redis.url(), Duration.ofSeconds(10))) {
                for (String analyzer : registry.analyzers()) {
                    for (int version : served(registry.versions(analyzer), registry.activeVersion(analyzer))) {
                        engine.load(registry.artifact(analyzer, version)).close();
                        ModelManifest manifest = registry.manifest(analyzer, version);
                        out.printf(
                                "stored %s v%d in RedisAI as %s (sha256 %s)%n",
                                analyzer, version, RedisAiKeys.model(analyzer, version), manifest.graphSha256());
                        count++;
                    }
                }
            }
            return count;
        });
        if (stored == 0) {
            out.println("warning: the registry holds no models; the script will dead-letter every message until you "
                    + "load one and run 'gears register' again");
        }
        GearsScript.register(redis.url(), source);
        out.printf(
                "registered RedisGears script %s: StreamReader on s:comments -> RedisAI -> s:classified%n",
                GearsScript.ID);
        out.println("next: stop the Java gear role (VOLUNTREE_ROLES without gear) or messages are classified twice");
        return ExitCodes.OK;
    }

    /** The active version and the newest few, so messages featurised just before an activation still find theirs. */
    static List<Integer> served(List<Integer> versions, Optional<Integer> active) {
        TreeSet<Integer> served =
                new TreeSet<>(versions.subList(Math.max(0, versions.size() - NEWEST), versions.size()));
        active.ifPresent(served::add);
        return List.copyOf(served);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
