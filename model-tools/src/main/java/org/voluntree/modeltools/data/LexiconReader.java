package org.voluntree.modeltools.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.voluntree.contracts.text.TextNormaliser;

/**
 * The Hu and Liu opinion lexicon ({@code positive-words.txt}, {@code negative-words.txt}, lines
 * starting with {@code ;} are comments) as one-word sentiment examples, so that the model learns
 * the polarity of words the review corpora rarely use.
 */
public final class LexiconReader {

    private LexiconReader() {
    }

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
