package org.voluntree.modeltools.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.voluntree.contracts.text.TextNormaliser;

/**
 * Word lists that tell a sentiment model the polarity of words its review corpora rarely use: the
 * Hu and Liu opinion lexicon ({@code positive-words.txt}, {@code negative-words.txt}, lines
 * starting with {@code ;} are comments), as one-word examples or as word classes, and a valence
 * lexicon in VADER's format, as word classes by sign and strength.
 */
public final class LexiconReader {

    /** The argument of {@code --valence-lexicon} that names the VADER lexicon bundled with model-tools. */
    public static final String BUNDLED_VADER = "vader";

    /**
     * The argument of {@code --valence-lexicon} that names the team's emoji valences bundled with
     * model-tools ({@code emoji_valence.txt}, VADER's format): the training sentences have no emoji,
     * so an emoji joins the valence class of words with its valence and shares their learned weight.
     */
    public static final String BUNDLED_EMOJI = "emoji";

    /** Valences below this (VADER's scale is −4 … +4) are too weak to mark a word. */
    static final double MIN_VALENCE = 0.5;

    /** From this valence on, a word is in a {@code strong} class. */
    static final double STRONG_VALENCE = 2.0;

    /**
     * What common contractions become once the normaliser drops their apostrophe ("I'll" → "ill",
     * "he'll" → "hell", "we'll" → "well"): as valence words they would mark "I'll be there" as
     * negative, so the valence classes leave them out.
     */
    static final Set<String> CONTRACTION_FORMS =
            Set.of("ill", "hell", "well", "shell", "wed", "id", "hed", "shed", "its", "were", "lets", "cant", "wont");

    private LexiconReader() {}

    public static List<LabelledText> read(Path folder) {
        List<LabelledText> examples = new ArrayList<>();
        add(examples, folder.resolve("positive-words.txt"), SentimentReader.POSITIVE);
        add(examples, folder.resolve("negative-words.txt"), SentimentReader.NEGATIVE);
        return examples;
    }

    /**
     * The lexicon as word classes for {@link org.voluntree.contracts.text.ExtraFeatures#lexicon()}:
     * {@code negative} and {@code positive}, each word in normalised form; entries that normalise to
     * more than one token ("well-known") or to nothing are left out, since the featuriser matches
     * single words.
     */
    public static Map<String, List<String>> classes(Path folder) {
        Map<String, List<String>> classes = new TreeMap<>();
        for (LabelledText example : read(folder)) {
            String word = TextNormaliser.normalise(example.text());
            if (!word.isEmpty() && word.indexOf(' ') < 0) {
                classes.computeIfAbsent(example.label(), k -> new ArrayList<>()).add(word);
            }
        }
        return classes;
    }

    /**
     * A valence lexicon as four word classes for the featuriser: {@code valence_positive},
     * {@code valence_strong_positive}, {@code valence_negative} and {@code valence_strong_negative}.
     * Each line is {@code token<TAB>mean valence[<TAB>…]} (VADER's {@code vader_lexicon.txt});
     * tokens are normalised like the Hu and Liu words, and entries that become the same word count
     * once, with their mean valence. Left out: emoticons and phrases that do not normalise to one
     * word, the {@link #CONTRACTION_FORMS}, and valences weaker than ±{@value #MIN_VALENCE};
     * ±{@value #STRONG_VALENCE} and beyond is strong.
     *
     * @param source {@link #BUNDLED_VADER}, {@link #BUNDLED_EMOJI} or a path to such a file
     * @throws DataFormatException naming the line whose valence is not a number
     */
    public static Map<String, List<String>> valenceClasses(String source) {
        List<String> lines = valenceLines(source);
        // entries that normalise to the same word ("LOL" 2.9, "lol" 1.8) count once, with their mean
        Map<String, double[]> sumAndCount = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\\t");
            if (fields.length < 2 || fields[0].isBlank()) {
                continue;
            }
            double valence;
            try {
                valence = Double.parseDouble(fields[1].strip());
            } catch (NumberFormatException e) {
                throw DataFormatException.at(
                        Path.of(source),
                        i + 1,
                        "the valence '" + fields[1]
                                + "' is not a number (expected token<TAB>mean valence, as in VADER's lexicon)");
            }
            String word = TextNormaliser.normalise(fields[0]);
            if (!word.isEmpty() && word.indexOf(' ') < 0 && !CONTRACTION_FORMS.contains(word)) {
                double[] entry = sumAndCount.computeIfAbsent(word, k -> new double[2]);
                entry[0] += valence;
                entry[1]++;
            }
        }
        Map<String, List<String>> classes = new TreeMap<>();
        sumAndCount.forEach((word, entry) -> {
            double valence = entry[0] / entry[1];
            if (Math.abs(valence) >= MIN_VALENCE) {
                String name = "valence_" + (Math.abs(valence) >= STRONG_VALENCE ? "strong_" : "")
                        + (valence > 0 ? "positive" : "negative");
                classes.computeIfAbsent(name, k -> new ArrayList<>()).add(word);
            }
        });
        return classes;
    }

    private static List<String> valenceLines(String source) {
        byte[] content = switch (source) {
            case BUNDLED_VADER -> bundled("vader_sentiment_lexicon.txt", "VADER lexicon");
            case BUNDLED_EMOJI -> bundled("emoji_valence.txt", "emoji valences");
            default -> fileContent(Path.of(source));
        };
        return new String(content, StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] bundled(String resource, String what) {
        try (InputStream in = LexiconReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + what + " (" + resource + ") is not in model-tools'"
                        + " jar: rebuild it with ./mvnw -pl model-tools -am package -DskipTests");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + what, e);
        }
    }

    private static byte[] fileContent(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the valence lexicon " + file, e);
        }
    }

    private static void add(List<LabelledText> examples, Path file, String label) {
        try {
            String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String line : content.split("\\R")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith(";")) {
                    examples.add(new LabelledText(label, word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon file " + file, e);
        }
    }
}
