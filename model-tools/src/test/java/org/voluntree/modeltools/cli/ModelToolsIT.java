package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.testing.SharedData;

/** Runs the commands as a user would: train, evaluate, predict, and the registry commands against a real Redis. */
class ModelToolsIT {

    @TempDir
    static Path work;

    static Path model;

    @BeforeAll
    static void trainASmallSentimentModel() {
        model = work.resolve("sentiment");
        CommandRun run = CommandRun.of(
                "train",
                "--analyzer",
                "sentiment",
                "--data",
                SharedData.file("sentiment/yelp_labelled.txt").toString(),
                SharedData.file("sentiment/amazon_cells_labelled.txt").toString(),
                "--test",
                SharedData.file("sentiment/imdb_labelled.txt").toString(),
                "--out",
                model.toString(),
                "--epochs",
                "2",
                "--buckets",
                "16384",
                "--dim",
                "16");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "epoch  1/2",
                        "epoch  2/2",
                        "loss",
                        "validation accuracy",
                        "held-out test (frozen graph)",
                        "wrote " + model);
    }

    @BeforeEach
    void flush() {
        TestRedis.flush();
    }

    @Test
    void trainWritesAFrozenGraphAndManifest() {
        assertThat(model.resolve("model.pb")).isRegularFile();
        assertThat(model.resolve("manifest.json"))
                .content()
                .contains(
                        "\"analyzer\" : \"sentiment\"",
                        "\"ids\"",
                        "\"probs\"",
                        "\"graphSha256\"",
                        "\"featuriser\"",
                        "imdb_labelled.txt");
    }

    @Test
    void evaluatePrintsMetricsAsTextOrJson() {
        String imdb = SharedData.file("sentiment/imdb_labelled.txt").toString();

        CommandRun text =
                CommandRun.of("evaluate", "--analyzer", "sentiment", "--data", imdb, "--model", model.toString());
        CommandRun json = CommandRun.of(
                "evaluate", "--analyzer", "sentiment", "--data", imdb, "--model", model.toString(), "--format", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("1000 examples", "accuracy", "macro-F1", "weighted-F1", "positive", "confusion");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"accuracy\"", "\"perLabel\"", "\"confusion\"", "\"examples\" : 1000");
    }

    @Test
    void evaluateListsTheMistakesWithTheirScores() throws Exception {
        Path data = work.resolve("few.txt");
        Files.writeString(
                data,
                "What a wonderful, lovely, great film, I loved it.\t0\n"
                        + "Terrible, awful, boring waste of time.\t0\n"
                        + "Great acting and a wonderful story, loved it.\t1\n");

        CommandRun run = CommandRun.of(
                "evaluate",
                "--analyzer",
                "sentiment",
                "--data",
                data.toString(),
                "--model",
                model.toString(),
                "--mistakes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String mistakes = run.out().substring(run.out().indexOf("mistakes:"));
        assertThat(mistakes)
                .startsWith("mistakes: 1 of 3")
                .contains("negative", "-> positive", "What a wonderful, lovely, great film, I loved it.")
                .doesNotContain("Terrible", "Great acting");
    }

    @Test
    void evaluateNeverPrintsTheOffenseTweets() {
        CommandRun run = CommandRun.of(
                "evaluate",
                "--analyzer",
                "offense",
                "--data",
                SharedData.file("offense/labeled_data.csv").toString(),
                "--mistakes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("does not print the offense data set's tweets", "data/offense/test.tsv");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void predictPrintsTheLabelAndScoresOfEveryModel() {
        CommandRun run = CommandRun.of("predict", "--model", model.toString(), "I love it, great value!");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sentiment", "positive", "negative=");
    }

    @Test
    void registryCommandsStoreActivateListAndRollBack() {
        String redis = TestRedis.uri();

        CommandRun first = CommandRun.of("load", model.toString(), "--activate", "--redis", redis);
        CommandRun second = CommandRun.of("load", model.toString(), "--redis", redis);
        CommandRun activate = CommandRun.of("activate", "sentiment", "2", "--redis", redis);
        CommandRun list = CommandRun.of("list", "--redis", redis);
        CommandRun rollback = CommandRun.of("rollback", "sentiment", "--redis", redis);
        CommandRun secondRollback = CommandRun.of("rollback", "sentiment", "--redis", redis);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("stored sentiment v1", "activated sentiment v1");
        assertThat(second.out()).contains("stored sentiment v2", "next: model-tools activate sentiment 2");
        assertThat(activate.out()).contains("activated sentiment v2 (was v1");
        assertThat(list.out()).contains("sentiment (active: v2)", "v1", "* v2", "embedding-bag");
        assertThat(rollback.out()).contains("rolled sentiment back to v1");
        assertThat(secondRollback.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(secondRollback.err()).contains("error: no earlier active version", "next:");
    }

    @Test
    void deleteRemovesAVersionThatWasNeverActiveAndKeepsTheOthers() {
        String redis = TestRedis.uri();
        CommandRun.of("load", model.toString(), "--activate", "--redis", redis);
        CommandRun.of("load", model.toString(), "--redis", redis);
        CommandRun.of("load", model.toString(), "--redis", redis);
        CommandRun.of("activate", "sentiment", "3", "--redis", redis);

        CommandRun list = CommandRun.of("list", "--redis", redis);
        CommandRun active = CommandRun.of("delete", "sentiment", "3", "--redis", redis);
        CommandRun beenActive = CommandRun.of("delete", "sentiment", "1", "--redis", redis);
        CommandRun neverActive = CommandRun.of("delete", "sentiment", "2", "--redis", redis);
        CommandRun again = CommandRun.of("delete", "sentiment", "2", "--redis", redis);
        CommandRun after = CommandRun.of("list", "--redis", redis);

        assertThat(list.out()).contains("    v1 ", "  - v2 ", "  * v3 ", "- never active");
        assertThat(active.exitCode()).isEqualTo(ExitCodes.IN_USE);
        assertThat(active.err()).contains("sentiment v3 is the active version", "next: run 'model-tools list'");
        assertThat(beenActive.exitCode()).isEqualTo(ExitCodes.IN_USE);
        assertThat(beenActive.err()).contains("sentiment v1 has been active");
        assertThat(neverActive.exitCode()).as(neverActive.err()).isZero();
        assertThat(neverActive.out()).contains("deleted sentiment v2");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(after.out()).contains("v1", "* v3").doesNotContain("v2 ", "never active");
    }

    @Test
    void failuresMapToExitCodesAndSayWhatToDoNext() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));

        CommandRun missingVersion = CommandRun.of("activate", "sentiment", "9", "--redis", TestRedis.uri());
        CommandRun notAModel = CommandRun.of("load", empty.toString(), "--redis", TestRedis.uri());
        CommandRun noRedis = CommandRun.of("list", "--redis", "redis://127.0.0.1:1");
        CommandRun unknownAnalyzer = CommandRun.of("evaluate", "--analyzer", "spam", "--data", "x.tsv");
        CommandRun usage = CommandRun.of("train", "--analyzer", "intent");

        assertThat(missingVersion.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missingVersion.err()).contains("sentiment v9 is not in the registry");
        assertThat(notAModel.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notAModel.err()).contains("is not a model folder", "next:");
        assertThat(noRedis.exitCode()).isEqualTo(ExitCodes.REDIS_UNAVAILABLE);
        assertThat(noRedis.err()).contains("next: start Redis");
        assertThat(unknownAnalyzer.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownAnalyzer.err()).contains("unknown analyzer spam (intent, sentiment, offense)");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
