package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.modeltools.ExitCodes;
import org.voluntree.modeltools.testing.SharedData;

/** {@code retrain}: the default models' train commands, as models/train-all.sh runs them. */
class RetrainCommandIT {

    @TempDir
    Path models;

    @Test
    void retrainsAnAnalyzerWithItsDefaultDataAndSaysWhatItRuns() {
        Path imdb = SharedData.file("sentiment/imdb_labelled.txt");
        CommandRun run = CommandRun.of(
                "retrain",
                "--analyzer",
                "sentiment",
                "--models",
                models.toString(),
                "--shared-data",
                SharedData.root().toString(),
                "--intent-data",
                SharedData.repository().resolve("data/intent").toString(),
                "--offense-data",
                SharedData.repository().resolve("data/offense").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("model-tools train --analyzer sentiment --data ")
                .contains(
                        "--lexicon-use features",
                        "--valence-lexicon vader --valence-lexicon emoji",
                        "--test " + imdb,
                        "--out " + models.resolve("sentiment"))
                .contains("held-out test (frozen graph) — 1000 examples");
        ModelArtifact artifact = ModelArtifact.readFrom(models.resolve("sentiment"));
        assertThat(artifact.manifest().analyzer()).isEqualTo("sentiment");
        assertThat(artifact.manifest().featuriser().extrasOrNone().lexicon())
                .containsKeys(
                        "positive",
                        "negative",
                        "valence_positive",
                        "valence_strong_positive",
                        "valence_negative",
                        "valence_strong_negative");
        assertThat(artifact.manifest().featuriser().extrasOrNone().lexicon().get("valence_strong_positive"))
                .contains("😍");
        // the training sentences have no emoji: they are read through the valence classes of words
        CommandRun delighted =
                CommandRun.of("predict", "--model", models.resolve("sentiment").toString(), "😍😍😍");
        CommandRun furious =
                CommandRun.of("predict", "--model", models.resolve("sentiment").toString(), "😡👎");
        assertThat(delighted.out()).containsPattern("sentiment\\s+positive");
        assertThat(furious.out()).containsPattern("sentiment\\s+negative");
        assertThat(models.resolve("intent")).doesNotExist();
    }

    @Test
    void missingDataIsReportedBeforeAnyModelIsTrained() throws IOException {
        Path nowhere = models.resolve("no-such-folder");
        CommandRun run = CommandRun.of(
                "retrain",
                "--models",
                models.toString(),
                "--intent-data",
                nowhere.toString(),
                "--shared-data",
                SharedData.root().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .contains(
                        "training data not found", nowhere.resolve("train.tsv").toString())
                .contains("next: ");
        assertThat(run.out()).doesNotContain("model-tools train");
        try (Stream<Path> written = Files.list(models)) {
            assertThat(written).isEmpty();
        }
    }
}
