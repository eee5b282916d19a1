package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains(
                        "error: --epochs must be 1 or more, was -3",
                        "next: 'model-tools train --help' lists the options and the values each takes")
                .doesNotContain("64/0/-3");
    }

    @Test
    void everyNumericTrainingOptionOutOfItsRangeIsNamedWithItsRangeBeforeAnyDataIsRead() {
        // train.tsv does not exist: each option is refused before the data would be read
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("--buckets", "1"), "--buckets must be 2 or more, was 1");
        refused.put(List.of("--buckets", "-65536"), "--buckets must be 2 or more, was -65536");
        refused.put(
                List.of("--buckets", "67108864"),
                "--buckets × --dim must be at most 2147483639 (the weights are one array of buckets × dim floats),"
                        + " was 67108864 × 64");
        refused.put(List.of("--max-features", "0"), "--max-features must be 1 or more, was 0");
        refused.put(List.of("--negation-window", "-1"), "--negation-window must be 0 or more, was -1");
        refused.put(List.of("--normaliser-version", "9"), "--normaliser-version must be from 1 to 3, was 9");
        refused.put(List.of("--normaliser-version", "0"), "--normaliser-version must be from 1 to 3, was 0");
        refused.put(
                List.of("--char-ngrams", "5-3"),
                "--char-ngrams must be MIN-MAX with MIN 1 or more and MAX at least MIN (e.g. 3-5), or 0 for none,"
                        + " was 5-3");
        refused.put(List.of("--char-ngrams", "three"), "--char-ngrams must be MIN-MAX");
        refused.put(List.of("--char-ngrams", "-1"), "--char-ngrams must be MIN-MAX");
        refused.put(List.of("--volunteer-precision", "1.5"), "--volunteer-precision must be from 0 to 1, was 1.5");
        refused.put(List.of("--volunteer-precision", "-0.1"), "--volunteer-precision must be from 0 to 1, was -0.1");
        refused.put(List.of("--team-corpus-repeat", "0"), "--team-corpus-repeat must be 1 or more, was 0");
        refused.put(List.of("--nb-scaling", "spam"), "--nb-scaling must be one of intent's labels [volunteer,");
        refused.put(List.of("--learning-rate", "0"), "--learning-rate must be more than 0, was 0.0");
        refused.put(List.of("--l2", "Infinity"), "--l2 must be a finite number, was Infinity");
        refused.put(List.of("--class-weight-power", "NaN"), "--class-weight-power must be a finite number, was NaN");
        refused.put(List.of("--token-dropout", "1"), "--token-dropout must be at least 0 and less than 1, was 1.0");
        refused.put(List.of("--batch-size", "0"), "--batch-size must be 1 or more, was 0");
        refused.put(
                List.of("--hidden", "32"),
                "--ensemble must be 1 with --hidden 32 (an ensemble averages linear models, which have no hidden"
                        + " layer), was 3 (intent's default)");
        refused.put(
                List.of("--early-stopping", "true", "--validation-fraction", "0"),
                "--validation-fraction must be more than 0 with --early-stopping true");

        for (Map.Entry<List<String>, String> option : refused.entrySet()) {
            for (String command : List.of("train", "crossval")) {
                List<String> args = new ArrayList<>(List.of(command, "--analyzer", "intent", "--data", "train.tsv"));
                if (command.equals("train")) {
                    args.addAll(List.of("--out", "model"));
                }
                args.addAll(option.getKey());

                CommandRun run = CommandRun.of(args.toArray(String[]::new));

                assertThat(run.exitCode()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(run.err())
                        .as(args.toString())
                        .contains("error: " + option.getValue(), "next: 'model-tools " + command + " --help'")
                        .doesNotContain("train.tsv");
            }
        }
    }

    @Test
    void offenseShiftsAreRefusedWithTheSecondDetectorTheyWouldNotFit() {
        for (String command : List.of("train", "crossval")) {
            List<String> args = new ArrayList<>(List.of(
                    command,
                    "--analyzer",
                    "offense",
                    "--data",
                    "labeled_data.csv",
                    "--team-corpus",
                    "team.tsv",
                    "--weighted-f1-shifts",
                    "true"));
            if (command.equals("train")) {
                args.addAll(List.of("--out", "model"));
            }

            CommandRun run = CommandRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err())
                    .as(command)
                    .contains(
                            "error: --team-corpus-as must be examples with --weighted-f1-shifts true (the shifts are"
                                    + " searched without the second detector), was head",
                            "next: 'model-tools " + command + " --help'");
        }
    }

    @Test
    void crossvalNeedsTwoFoldsAndNoMoreThanThereAreExamples(@TempDir Path work) throws Exception {
        Path train = Files.writeString(
                work.resolve("train.tsv"),
                "label\ttext\nvolunteer\tcount me in\nother\tlol\nappreciation\tthanks so much\n");

        CommandRun one = CommandRun.of("crossval", "--analyzer", "intent", "--data", "train.tsv", "--folds", "1");
        CommandRun tooMany =
                CommandRun.of("crossval", "--analyzer", "intent", "--data", train.toString(), "--folds", "4");

        assertThat(one.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(one.err()).contains("error: --folds must be 2 or more, was 1");
        assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooMany.err()).contains("error: --folds must be at most 3 (the training examples), was 4");
        assertThat(tooMany.out()).as("nothing trained").doesNotContain("fold  1");
    }

    @Test
    void theOtherCommandsNumericArgumentsAreCheckedBeforeRedisIsAsked() {
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("dead", "list", "--limit", "0"), "--limit must be 1 or more, was 0");
        refused.put(List.of("verify", "--tolerance", "-1"), "--tolerance must be 0 or more, was -1.0");
        refused.put(
                List.of("verify", "--analyzer", "intent", "--model-version", "0"),
                "--model-version must be 1 or more, was 0");
        refused.put(List.of("activate", "intent", "0"), "VERSION must be 1 or more, was 0");
        refused.put(List.of("delete", "intent", "-2"), "VERSION must be 1 or more, was -2");

        for (Map.Entry<List<String>, String> command : refused.entrySet()) {
            List<String> args = new ArrayList<>(command.getKey());
            args.addAll(List.of("--redis", NO_REDIS));

            CommandRun run = CommandRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err())
                    .as(args.toString())
                    .contains("error: " + command.getValue(), "--help' lists the options")
                    .doesNotContain("start Redis");
        }
        assertThat(CommandRun.of("dead", "list", "--limit", "0", "--redis", NO_REDIS)
                        .err())
                .contains("next: 'model-tools dead list --help'");
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
