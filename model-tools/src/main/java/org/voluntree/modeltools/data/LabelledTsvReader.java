package org.voluntree.modeltools.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A corpus the team writes (intent, and the offense comments): a {@code label<TAB>text} header,
 * then one labelled message a line.
 */
public final class LabelledTsvReader {

    private LabelledTsvReader() {}

    /** Whether a file is in this format (by its {@code .tsv} name), not a public data set's own. */
    public static boolean isTsv(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
    }

    /**
     * The examples of a file that may be trained on: a file whose name starts with {@code test}
     * is refused, because its messages must stay unseen by every model.
     */
    public static List<LabelledText> readTraining(Path file, Set<String> labels) {
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).startsWith("test")) {
            throw DataFormatException.in(file, "is a test file; extra training examples come from training data only");
        }
        return read(file, labels);
    }

    public static List<LabelledText> read(Path file, Set<String> labels) {
        List<LabelledText> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("label\ttext")) {
                throw DataFormatException.at(file, 1, "expected the header 'label<TAB>text'");
            }
            long lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw DataFormatException.at(file, lineNumber, "expected 'label<TAB>text'");
                }
                String label = line.substring(0, tab).strip();
                if (!labels.contains(label)) {
                    throw DataFormatException.at(
                            file, lineNumber, "unknown label '" + label + "'; expected one of " + labels);
                }
                examples.add(new LabelledText(label, line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return examples;
    }
}
