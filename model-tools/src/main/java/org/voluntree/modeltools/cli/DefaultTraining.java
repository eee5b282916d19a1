package org.voluntree.modeltools.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.modeltools.data.LexiconReader;

/**
 * The {@code train} arguments that reproduce each analyzer's committed default model: which data
 * it learns from and is tested on (see docs/models.md). The one definition that
 * {@code model-tools retrain} (and so {@code models/train-all.sh}) and the app's training jobs use;
 * the hyperparameters themselves are {@code TrainingConfig.defaultsFor}.
 *
 * @param sharedData the public data sets ({@code ../shared/data}: sentiment, offense)
 * @param intentData the team's intent corpus ({@code data/intent})
 * @param offenseData the team's moderation corpus ({@code data/offense})
 */
public record DefaultTraining(Path sharedData, Path intentData, Path offenseData) {

    /** How often each team moderation comment is seen per epoch, against ~20,000 tweets. */
    static final int TEAM_CORPUS_REPEAT = 8;

    /**
     * @return the arguments of {@code model-tools train} for {@code analyzer}, writing to {@code out}
     * @throws UncheckedIOException with a {@link NoSuchFileException} naming the first data file or
     *     folder that does not exist
     */
    public List<String> trainArguments(Analyzer analyzer, Path out) {
        List<String> args = new ArrayList<>(List.of("train", "--analyzer", analyzer.id()));
        switch (analyzer) {
            case INTENT ->
                args.addAll(List.of(
                        "--data", existing(intentData.resolve("train.tsv")),
                        "--test", existing(intentData.resolve("test.tsv"))));
            case SENTIMENT ->
                args.addAll(List.of(
                        "--data",
                        existing(sharedData.resolve("sentiment/yelp_labelled.txt")),
                        existing(sharedData.resolve("sentiment/amazon_cells_labelled.txt")),
                        "--lexicon",
                        existing(sharedData.resolve("sentiment/lexicon")),
                        "--lexicon-use",
                        "features",
                        "--valence-lexicon",
                        LexiconReader.BUNDLED_VADER,
                        "--valence-lexicon",
                        LexiconReader.BUNDLED_EMOJI,
                        "--test",
                        existing(sharedData.resolve("sentiment/imdb_labelled.txt"))));
            // offense also learns the team's own comments (training files only, never a test file):
            // the intent corpus as 'neither', and the moderation corpus with its own labels, by a
            // second detector OR-ed into 'offensive' (--team-corpus-as head, the option's default)
            case OFFENSE ->
                args.addAll(List.of(
                        "--data", existing(sharedData.resolve("offense/labeled_data.csv")),
                        "--extra-neither", existing(intentData.resolve("train.tsv")),
                        "--team-corpus", existing(offenseData.resolve("train.tsv")),
                        "--team-corpus-repeat", Integer.toString(TEAM_CORPUS_REPEAT)));
        }
        args.addAll(List.of("--out", out.toString()));
        return args;
    }

    private static String existing(Path path) {
        if (!Files.exists(path)) {
            throw new UncheckedIOException(
                    "training data not found",
                    new NoSuchFileException(path.toAbsolutePath().normalize().toString()));
        }
        return path.toString();
    }
}
