package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.modeltools.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dead list}: the oldest entries of {@code s:dead} with where they came from and why they gave up. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists s:dead, oldest first: id, source, type, attempts, when, error.")
public final class DeadListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @Option(
            names = "--limit",
            defaultValue = "50",
            paramLabel = "N",
            description = "show at most N entries (default: ${DEFAULT-VALUE})")
    private int limit;

    @Override
    public Integer call() {
        OptionRanges.atLeast("--limit", limit, 1);
        PrintWriter out = spec.commandLine().getOut();
        DeadCommand.withDeadLetters(redis, dead -> {
            long size = dead.size();
            List<DeadLetter> letters = dead.list(limit);
            if (letters.isEmpty()) {
                out.println("s:dead is empty");
                return 0;
            }
            out.printf("s:dead holds %d entr%s (showing %d)%n", size, size == 1 ? "y" : "ies", letters.size());
            for (DeadLetter letter : letters) {
                out.printf(
                        "%s  %-6s %-14s attempts %-3d %s  error: %s%n",
                        letter.id(),
                        letter.sourceType(),
                        letter.source(),
                        letter.attempts(),
                        letter.failedAt(),
                        letter.error());
            }
            if (size > letters.size()) {
                out.printf("next: model-tools dead list --limit %d shows more%n", size);
            }
            out.println("next: model-tools dead replay ID (or --all) puts them back where they came from");
            return letters.size();
        });
        return ExitCodes.OK;
    }

    static String describe(DeadLetter letter) {
        return letter.id() + " to " + letter.source() + " (" + letter.sourceType() + ")";
    }

    static boolean isKnownType(DeadLetter letter) {
        return DeadLetters.LIST.equals(letter.sourceType()) || DeadLetters.STREAM.equals(letter.sourceType());
    }
}
