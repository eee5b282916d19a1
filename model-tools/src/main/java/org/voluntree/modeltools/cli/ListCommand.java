package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.modeltools.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code list}: every stored version of every analyzer, the active one and those never active marked. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registry's model versions.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        redis.withRegistry(registry -> {
            List<String> analyzers = registry.analyzers();
            if (analyzers.isEmpty()) {
                out.println("no models stored; next: model-tools load models/intent --activate");
            }
            boolean neverActiveShown = false;
            for (String analyzer : analyzers) {
                Optional<Integer> active = registry.activeVersion(analyzer);
                Set<Integer> everActive = registry.everActive(analyzer);
                out.printf(
                        "%s (active: %s)%n", analyzer, active.map(v -> "v" + v).orElse("none"));
                for (int version : registry.versions(analyzer)) {
                    ModelManifest manifest = registry.manifest(analyzer, version);
                    String marker = active.filter(v -> v == version).isPresent()
                            ? "*"
                            : everActive.contains(version) ? " " : "-";
                    neverActiveShown |= marker.equals("-");
                    out.printf(
                            "  %s v%-3d %-18s %s  %s%n",
                            marker, version, manifest.family(), manifest.createdAt(), headline(manifest.metrics()));
                }
            }
            if (neverActiveShown) {
                out.println("(* active; - never active: 'model-tools delete ANALYZER VERSION' removes it)");
            }
            return analyzers.size();
        });
        return ExitCodes.OK;
    }

    private static String headline(Map<String, Object> metrics) {
        if (metrics.get("test") instanceof Map<?, ?> test) {
            return "test accuracy " + test.get("accuracy") + ", macro-F1 " + test.get("macroF1") + ", weighted-F1 "
                    + test.get("weightedF1");
        }
        return "";
    }
}
