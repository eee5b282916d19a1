package org.voluntree.modeltools.train;

import java.util.ArrayList;
import java.util.List;
import org.voluntree.modeltools.data.LabelledText;

/**
 * What an {@link OrHead} learns: a corpus in the analyzer's labels, whose examples labelled
 * {@code from} are the detector's negatives and all others its positives, each seen {@code repeat}
 * times an epoch, plus every {@code from} example the main model learns from as a negative.
 *
 * @param label the label the detector adds to (offense: {@code offensive})
 * @param from the label whose probability it moves (offense: {@code neither})
 * @param corpus the team's own labelled comments (training files only)
 * @param repeat how many times each corpus example is seen an epoch, against the many more
 *     {@code from} examples of the main data
 */
public record OrHeadData(String label, String from, List<LabelledText> corpus, int repeat) {

    static final String NO = "no";
    static final String YES = "yes";
    static final List<String> LABELS = List.of(NO, YES);

    /** Passes over the detector's examples: a linear model with the main model's L2 has settled by then. */
    static final int EPOCHS = 15;

    public OrHeadData {
        corpus = List.copyOf(corpus);
        if (label.equals(from) || repeat < 1 || corpus.isEmpty()) {
            throw new IllegalArgumentException("an OR head needs two different labels, a corpus and a repeat of 1 or"
                    + " more, was " + from + " → " + label + ", " + corpus.size() + " examples, repeat " + repeat);
        }
    }

    /** The detector's examples, labelled {@link #NO} or {@link #YES}. */
    List<LabelledText> examples(List<LabelledText> learnedByMainModel) {
        List<LabelledText> examples = new ArrayList<>();
        for (int k = 0; k < repeat; k++) {
            for (LabelledText example : corpus) {
                examples.add(new LabelledText(example.label().equals(from) ? NO : YES, example.text()));
            }
        }
        for (LabelledText example : learnedByMainModel) {
            if (example.label().equals(from)) {
                examples.add(new LabelledText(NO, example.text()));
            }
        }
        return examples;
    }

    /**
     * The main configuration made a single linear two-label model trained for {@link #EPOCHS}, no
     * validation, no naive-Bayes scaling (its labels are not the main model's).
     */
    static TrainingConfig config(TrainingConfig main) {
        return main.withNbScaling(null)
                .withEnsemble(1)
                .withHiddenUnits(0)
                .withEmbeddingDim(2)
                .withCalibration(null)
                .withClassWeightPower(0)
                .withEarlyStopping(false)
                .withValidationFraction(0)
                .withTokenDropout(0)
                .withEpochs(EPOCHS);
    }
}
