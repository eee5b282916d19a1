package org.voluntree.modeltools.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * UCI "Sentiment Labelled Sentences": {@code sentence<TAB>label}, label 0 = negative, 1 = positive.
 * Sentences may contain tabs and stray quotes, so a line is split at its last tab.
 */
public final class SentimentReader {

    public static final String NEGATIVE = "negative";
    public static final String POSITIVE = "positive";

    private SentimentReader() {}

    public static List<LabelledText> read(Path file) {
        List<LabelledText> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                examples.add(parse(file, lineNumber, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return examples;
    }

    static LabelledText parse(Path file, long lineNumber, String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
            throw DataFormatException.at(file, lineNumber, "expected 'sentence<TAB>label'");
        }
        String label = switch (line.substring(tab + 1).strip()) {
            case "0" -> NEGATIVE;
            case "1" -> POSITIVE;
            default ->
                throw DataFormatException.at(
                        file,
                        lineNumber,
                        "label must be 0 or 1, was '" + line.substring(tab + 1).strip() + "'");
        };
        return new LabelledText(label, line.substring(0, tab).strip());
    }
}
