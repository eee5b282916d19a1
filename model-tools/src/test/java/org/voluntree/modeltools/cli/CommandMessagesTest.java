package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.voluntree.modeltools.ExitCodes;

/**
 * What model-tools says when the arguments are wrong: the argument at fault, what it takes, and what
 * to do next, before anything connects to Redis (no Redis listens at {@link #NO_REDIS}).
 */
class CommandMessagesTest {

    private static final String NO_REDIS = "redis://127.0.0.1:1";

    @Test
    void replayingSomethingThatIsNotAnEntryIdSaysWhatIdsLookLike() {
        CommandRun run = CommandRun.of("dead", "replay", "nope", "--redis", NO_REDIS);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .contains(
                        "error: 'nope' is not an s:dead entry id; ids look like 1732530000000-0",
                        "next: 'model-tools dead list' shows the entries with their ids")
                .doesNotContain("ERR", "start Redis");
    }

    @Test
    void aTrainingOptionOutOfItsRangeIsNamedWithTheRange() {
        CommandRun run = CommandRun.of(
                "train", "--analyzer", "intent", "--data", "train.tsv", "--out", "model", "--epochs", "-3");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .contains("error: --epochs must be 1 or more, was -3", "next:")
                .doesNotContain("64/0/-3");
    }

    @Test
    void anUnknownAnalyzerIsNamedWithTheKnownOnes() {
        for (String[] args :
                new String[][] {{"activate", "bogus", "1"}, {"rollback", "bogus"}, {"delete", "bogus", "1"}}) {
            String[] withRedis = Arrays.copyOf(args, args.length + 2);
            withRedis[args.length] = "--redis";
            withRedis[args.length + 1] = NO_REDIS;

            CommandRun run = CommandRun.of(withRedis);

            assertThat(run.exitCode()).as(args[0]).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .as(args[0])
                    .contains("error: unknown analyzer bogus (intent, sentiment, offense)")
                    .doesNotContain("registry", "start Redis");
        }
    }

    @Test
    void everyCommandsSummaryInTheHelpIsAWholeSentence() {
        CommandRun run = CommandRun.of("--help");

        assertThat(run.out()).contains("crossval");
        for (String line : run.out().lines().toList()) {
            assertThat(line.strip()).as(line).doesNotEndWith(",");
        }
    }
}
