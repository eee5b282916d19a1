package org.voluntree.modeltools.data;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The team's own comments as {@code neither} examples for the offense analyzer: the offense
 * data set is almost all offensive tweets, so without them friendly volunteer comments look
 * offensive to the model. Reads the intent corpus format and keeps only the texts; a test file
 * is refused, because its comments must stay unseen by every model.
 */
public final class ExtraNeither {

    public static final String LABEL = "neither";

    private ExtraNeither() {}

    public static List<LabelledText> read(Path file) {
        return LabelledTsvReader.readTraining(file, new LinkedHashSet<>(Analyzer.INTENT.labels())).stream()
                .map(example -> new LabelledText(LABEL, example.text()))
                .toList();
    }
}
