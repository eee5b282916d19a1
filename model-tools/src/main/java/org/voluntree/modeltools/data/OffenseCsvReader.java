package org.voluntree.modeltools.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Davidson et al.'s {@code labeled_data.csv}: columns found by name in the header; {@code class}
 * 0 = hate, 1 = offensive, 2 = neither; {@code tweet} may span lines inside quotes.
 */
public final class OffenseCsvReader {

    public static final List<String> LABELS = List.of("hate", "offensive", "neither");

    private OffenseCsvReader() {}

    public static List<LabelledText> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, new CsvReader(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<LabelledText> read(Path file, CsvReader csv) {
        List<String> header = csv.next();
        int classColumn = header == null ? -1 : header.indexOf("class");
        int tweetColumn = header == null ? -1 : header.indexOf("tweet");
        if (classColumn < 0 || tweetColumn < 0) {
            throw DataFormatException.at(file, 1, "expected a header with 'class' and 'tweet' columns");
        }
        List<LabelledText> examples = new ArrayList<>();
        while (true) {
            long line = csv.line();
            List<String> record;
            try {
                record = csv.next();
            } catch (IllegalStateException e) {
                throw DataFormatException.at(file, line, e.getMessage());
            }
            if (record == null) {
                return examples;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            if (record.size() <= Math.max(classColumn, tweetColumn)) {
                throw DataFormatException.at(
                        file, line, "expected " + header.size() + " fields, found " + record.size());
            }
            examples.add(new LabelledText(label(file, line, record.get(classColumn)), record.get(tweetColumn)));
        }
    }

    private static String label(Path file, long line, String value) {
        return switch (value.strip()) {
            case "0" -> LABELS.get(0);
            case "1" -> LABELS.get(1);
            case "2" -> LABELS.get(2);
            default -> throw DataFormatException.at(file, line, "class must be 0, 1 or 2, was '" + value + "'");
        };
    }
}
