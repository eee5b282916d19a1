package org.voluntree.modeltools.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {

    @TempDir
    Path dir;

    @Test
    void sentimentLinesSplitAtTheLastTabAndKeepStrayQuotes() throws IOException {
        Path file = write("s.txt", "Great \"phone\tcase\" ever.\t1\n\nNot \"good.\t0\n");

        assertThat(SentimentReader.read(file))
                .containsExactly(
                        new LabelledText("positive", "Great \"phone\tcase\" ever."),
                        new LabelledText("negative", "Not \"good."));
    }

    @Test
    void sentimentRejectsALabelOtherThanZeroOrOne() throws IOException {
        Path file = write("s.txt", "fine\t1\nodd\t7\n");

        assertThatThrownBy(() -> SentimentReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("s.txt:2");
    }

    @Test
    void offenseCsvMapsClassesAndReadsMultiLineTweets() throws IOException {
        Path file = write(
                "o.csv",
                ",count,hate_speech,offensive_language,neither,class,tweet\n"
                        + "0,3,0,0,3,2,\"just a day, nothing more\"\n"
                        + "1,3,2,1,0,0,\"line one\nline two with \"\"quotes\"\"\"\n"
                        + "2,3,0,3,0,1,plain words\n");

        assertThat(OffenseCsvReader.read(file))
                .containsExactly(
                        new LabelledText("neither", "just a day, nothing more"),
                        new LabelledText("hate", "line one\nline two with \"quotes\""),
                        new LabelledText("offensive", "plain words"));
    }

    @Test
    void offenseCsvNeedsItsColumns() throws IOException {
        Path file = write("o.csv", "a,b\n1,2\n");

        assertThatThrownBy(() -> OffenseCsvReader.read(file)).hasMessageContaining("'class' and 'tweet'");
    }

    @Test
    void intentTsvNeedsTheHeaderAndKnownLabels() throws IOException {
        Set<String> labels = Set.of("volunteer", "other");
        Path good = write("i.tsv", "label\ttext\nvolunteer\tcount me in\tplease\nother\tlol\n");
        Path noHeader = write("h.tsv", "volunteer\tcount me in\n");
        Path badLabel = write("b.tsv", "label\ttext\nvolunter\tcount me in\n");

        assertThat(LabelledTsvReader.read(good, labels))
                .containsExactly(
                        new LabelledText("volunteer", "count me in\tplease"), new LabelledText("other", "lol"));
        assertThatThrownBy(() -> LabelledTsvReader.read(noHeader, labels)).hasMessageContaining("header");
        assertThatThrownBy(() -> LabelledTsvReader.read(badLabel, labels))
                .hasMessageContaining("b.tsv:2")
                .hasMessageContaining("volunter");
    }

    @Test
    void extraNeitherTakesEveryTeamCommentAsNeitherAndRefusesATestFile() throws IOException {
        Path train = write("train.tsv", "label\ttext\nvolunteer\tcount me in\nappreciation\tthank you all\n");
        Path test = write("test.tsv", "label\ttext\nother\tlol\n");

        assertThat(ExtraNeither.read(train))
                .containsExactly(
                        new LabelledText("neither", "count me in"), new LabelledText("neither", "thank you all"));
        assertThatThrownBy(() -> ExtraNeither.read(test))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("test file");
    }

    @Test
    void theOffenseTeamCorpusIsScoredWholeInTheAnalyzersLabels() throws IOException {
        Path corpus = write(
                "offense.tsv", "label\ttext\noffensive\tyou clowns\nneither\tparking was a nightmare\n" + "hate\tx\n");
        Path misnamed = write("intent-labels.tsv", "label\ttext\nvolunteer\tcount me in\n");

        assertThat(Analyzer.OFFENSE.evaluationData(corpus))
                .containsExactly(
                        new LabelledText("offensive", "you clowns"),
                        new LabelledText("neither", "parking was a nightmare"),
                        new LabelledText("hate", "x"));
        assertThatThrownBy(() -> Analyzer.OFFENSE.evaluationData(misnamed))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("volunteer");
        assertThatThrownBy(() -> LabelledTsvReader.readTraining(
                        write("test.tsv", "label\ttext\nneither\tok\n"), Set.of("neither")))
                .hasMessageContaining("test file");
    }

    @Test
    void aValenceLexiconBecomesWordClassesBySignAndStrengthWithOneMeanPerWordAndNoContractions() throws IOException {
        Path file = write(
                "v.txt",
                "adore\t3.0\t0.5\t[3, 3]\nnice\t1.8\t0.6\t[2, 2]\nmeh\t-0.4\t0.6\t[0, -1]\n"
                        + "dull\t-1.2\t0.4\t[-1, -1]\nhorrid\t-2.5\t0.5\t[-3, -2]\n:-)\t1.3\t0.5\t[1, 1]\n"
                        + "LOL\t2.9\t0.7\t[3, 3]\nlol\t0.9\t0.7\t[1, 1]\nill\t-1.8\t0.6\t[-2, -2]\n");

        assertThat(LexiconReader.valenceClasses(file.toString()))
                .containsExactly(
                        Map.entry("valence_negative", List.of("dull")),
                        Map.entry("valence_positive", List.of("nice", "lol")),
                        Map.entry("valence_strong_negative", List.of("horrid")),
                        Map.entry("valence_strong_positive", List.of("adore")));
    }

    @Test
    void theBundledEmojiValencesAreOneTokenEachAndClassedBySignAndStrength() throws IOException {
        Map<String, List<String>> classes = LexiconReader.valenceClasses(LexiconReader.BUNDLED_EMOJI);
        long lines;
        try (var in = LexiconReader.class.getResourceAsStream("emoji_valence.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .count();
        }

        // every line survives the normaliser as one token: a mistyped line would silently drop out
        assertThat(classes.values().stream().mapToInt(List::size).sum()).isEqualTo((int) lines);
        assertThat(classes.get("valence_strong_positive")).contains("😍", "❤", "🎉");
        assertThat(classes.get("valence_positive")).contains("🙂", "👍", "🙏");
        assertThat(classes.get("valence_strong_negative")).contains("😡", "💔", "👎");
        assertThat(classes.get("valence_negative")).contains("😕", "🙄");
        // laughing and crying faces mock as often as they delight: left out
        assertThat(classes.values()).noneMatch(words -> words.contains("😂") || words.contains("😭"));
    }

    @Test
    void aValenceThatIsNotANumberNamesItsLineAndAMissingFileItsPath() throws IOException {
        Path file = write("v.txt", "nice\t1.8\nodd\thigh\n");

        assertThatThrownBy(() -> LexiconReader.valenceClasses(file.toString()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("v.txt:2")
                .hasMessageContaining("high");
        assertThatThrownBy(() ->
                        LexiconReader.valenceClasses(dir.resolve("none.txt").toString()))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("none.txt");
    }

    @Test
    void theBundledVaderLexiconIsReadFromTheJar() {
        Map<String, List<String>> classes = LexiconReader.valenceClasses(LexiconReader.BUNDLED_VADER);

        assertThat(classes.get("valence_strong_positive")).contains("love", "excellent");
        assertThat(classes.get("valence_strong_negative")).contains("horrible");
        assertThat(classes.get("valence_negative")).contains("boring");
        assertThat(classes.values().stream().mapToInt(List::size).sum()).isGreaterThan(5000);
    }

    @Test
    void stratifiedSplitKeepsProportionsAndIsRepeatable() {
        List<LabelledText> examples = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            examples.add(new LabelledText(i % 4 == 0 ? "rare" : "common", "text " + i));
        }

        Split split = Split.stratified(examples, 0.2, 42);

        assertThat(split.heldOut()).hasSize(20);
        assertThat(Split.counts(split.heldOut())).containsEntry("rare", 5).containsEntry("common", 15);
        assertThat(split.train()).hasSize(80).doesNotContainAnyElementsOf(split.heldOut());
        assertThat(Split.stratified(examples, 0.2, 42)).isEqualTo(split);
        assertThat(Split.stratified(examples, 0.2, 7).heldOut()).isNotEqualTo(split.heldOut());
    }

    @Test
    void offenseProtocolHoldsOutTwentyPercentOfTheFile() throws IOException {
        StringBuilder csv = new StringBuilder(",count,hate_speech,offensive_language,neither,class,tweet\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i)
                    .append(",3,0,0,3,")
                    .append(i % 5 == 0 ? 0 : 2)
                    .append(",tweet ")
                    .append(i)
                    .append('\n');
        }
        Path file = write("labeled.csv", csv.toString());

        Split split = Analyzer.OFFENSE.trainingSplit(List.of(file));

        assertThat(split.heldOut()).hasSize(10).isEqualTo(Analyzer.OFFENSE.evaluationData(file));
        assertThat(Analyzer.named("offense")).isEqualTo(Analyzer.OFFENSE);
        assertThatThrownBy(() -> Analyzer.named("spam"))
                .hasMessage("unknown analyzer spam (intent, sentiment, offense)");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
