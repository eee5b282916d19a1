package org.voluntree.modeltools.data;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The team's own comments as {@code neither} examples for the offense analyzer: the offense
 * data set is almost all offensive tweets, so without them friendly volunteer comments look
 * offensive to the model. Reads the intent corpus format and keeps only the texts; a test file
 * is refused, because its comments must stay unseen by every model.
 */
public final class ExtraNeither {

    public static final String LABEL = "neither";

    private ExtraNeither() {
    }

    public static List<LabelledText> read(Path file) {
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).startsWith("test")) {
            throw DataFormatException.in(file, "is a test file; extra 'neither' examples come from training data only");
        }
        return IntentTsvReader.read(file, new LinkedHashSet<>(Analyzer.INTENT.labels())).stream()
                .map(example -> new LabelledText(LABEL, example.text()))
                .toList();
    }
}
