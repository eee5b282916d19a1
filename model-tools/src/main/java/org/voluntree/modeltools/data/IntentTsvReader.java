package org.voluntree.modeltools.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The team's intent corpus: a {@code label<TAB>text} header, then one labelled message a line. */
public final class IntentTsvReader {

    private IntentTsvReader() {
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
                    throw DataFormatException.at(file, lineNumber, "unknown label '" + label + "'; expected one of "
                            + labels);
                }
                examples.add(new LabelledText(label, line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return examples;
    }
}
