package org.voluntree.modeltools.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.modeltools.ExitCodes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dead replay ID|--all}: puts dead letters back where they came from (a list item on its
 * queue, a stream entry on its stream with the same fields) and removes them from {@code s:dead}.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Puts s:dead entries back on their queue or stream and removes them from s:dead.")
public final class DeadReplayCommand implements Callable<Integer> {

    private static final int PAGE = 500;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RedisOptions redis;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Parameters(paramLabel = "ID", description = "the s:dead entry id ('dead list' shows them)")
        String id;

        @Option(names = "--all", description = "replay every entry of s:dead")
        boolean all;
    }

    /** A stream entry id as Redis writes them: milliseconds, a dash, a sequence number. */
    private static final Pattern ENTRY_ID = Pattern.compile("\\d{1,19}-\\d{1,19}");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.id != null && !ENTRY_ID.matcher(target.id).matches()) {
            // Redis would answer "ERR Invalid stream ID", which reads like a broken server
            err.println("error: '" + target.id + "' is not an s:dead entry id; ids look like 1732530000000-0");
            err.println("next: 'model-tools dead list' shows the entries with their ids");
            return ExitCodes.BAD_INPUT;
        }
        return DeadCommand.withDeadLetters(redis, dead -> {
            if (target.id != null) {
                DeadLetter letter = dead.get(target.id).orElse(null);
                if (letter == null) {
                    err.println("error: s:dead has no entry " + target.id);
                    err.println("next: model-tools dead list shows the ids");
                    return ExitCodes.NOT_FOUND;
                }
                replay(dead, letter, out);
                return ExitCodes.OK;
            }
            // each page is removed as it is replayed; the bound stops a loop should something dead-letter meanwhile
            long bound = dead.size();
            long replayed = 0;
            List<DeadLetter> page;
            while (replayed < bound && !(page = dead.list((int) Math.min(PAGE, bound - replayed))).isEmpty()) {
                for (DeadLetter letter : page) {
                    replay(dead, letter, out);
                    replayed++;
                }
            }
            out.printf("replayed %d entr%s%n", replayed, replayed == 1 ? "y" : "ies");
            return ExitCodes.OK;
        });
    }

    private static void replay(DeadLetters dead, DeadLetter letter, PrintWriter out) {
        if (!DeadListCommand.isKnownType(letter)) {
            throw new IllegalArgumentException("s:dead entry " + letter.id() + " has unknown type '"
                    + letter.sourceType() + "'; it was not written by Voluntree's DeadLetters");
        }
        dead.replay(letter);
        out.println("replayed " + DeadListCommand.describe(letter));
    }
}
