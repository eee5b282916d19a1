package org.voluntree.modeltools.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The three analyzers, their labels, the file format each reads, and the evaluation protocol:
 * intent and sentiment evaluate on whole files the model never saw; offense has one file, so
 * its stratified 80/20 split with seed 42 decides what is trained on and what is held out.
 */
public enum Analyzer {
    INTENT(List.of(
            "volunteer",
            "how_to_signup",
            "event_question",
            "requirements_question",
            "donation",
            "appreciation",
            "other")),
    SENTIMENT(List.of(SentimentReader.NEGATIVE, SentimentReader.POSITIVE)),
    OFFENSE(OffenseCsvReader.LABELS);

    /** The offense protocol: 20 % held out, stratified, seed 42. */
    public static final double OFFENSE_HELD_OUT = 0.2;

    public static final long OFFENSE_SPLIT_SEED = 42;

    private final List<String> labels;

    Analyzer(List<String> labels) {
        this.labels = labels;
    }

    /** The analyzer's name as used in manifests and the registry, e.g. {@code intent}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> labels() {
        return labels;
    }

    public static Analyzer named(String id) {
        for (Analyzer analyzer : values()) {
            if (analyzer.id().equals(id)) {
                return analyzer;
            }
        }
        throw new IllegalArgumentException("unknown analyzer " + id + " ("
                + String.join(", ", Arrays.stream(values()).map(Analyzer::id).toList()) + ")");
    }

    /** Every example in the given files, in file order. */
    public List<LabelledText> read(List<Path> files) {
        List<LabelledText> examples = new ArrayList<>();
        for (Path file : files) {
            examples.addAll(
                    switch (this) {
                        case INTENT -> LabelledTsvReader.read(file, new LinkedHashSet<>(labels));
                        case SENTIMENT -> SentimentReader.read(file);
                        case OFFENSE ->
                            LabelledTsvReader.isTsv(file)
                                    ? LabelledTsvReader.read(file, new LinkedHashSet<>(labels))
                                    : OffenseCsvReader.read(file);
                    });
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no " + id() + " examples in " + files);
        }
        return examples;
    }

    /**
     * Splits the files given to {@code train} into what the model may learn from and what is
     * held out for its test metrics (empty when the test data comes from another file).
     */
    public Split trainingSplit(List<Path> files) {
        List<LabelledText> examples = read(files);
        if (this == OFFENSE) {
            return Split.stratified(examples, OFFENSE_HELD_OUT, OFFENSE_SPLIT_SEED);
        }
        return new Split(examples, List.of());
    }

    /**
     * The examples of a file that a model is evaluated on: all of it, or, for the offense data
     * set's CSV, its held-out 20 % (a team corpus in {@code label<TAB>text} is scored whole).
     */
    public List<LabelledText> evaluationData(Path file) {
        if (this == OFFENSE && !LabelledTsvReader.isTsv(file)) {
            return trainingSplit(List.of(file)).heldOut();
        }
        return read(List.of(file));
    }
}
