package org.voluntree.modeltools.train;

/**
 * A second, binary detector for one label, OR-ed into a model's probabilities: a text has the
 * label if the model says so or the detector does. With {@code h} the detector's probability,
 * {@code P'(label) = P(label) + P(from) · h} and {@code P'(from) = P(from) · (1 − h)}; the other
 * labels keep theirs, and the row still sums to 1.
 *
 * <p>Offense uses it for the team's moderation corpus: the main model learns the tweets (and the
 * page's friendly comments as {@code neither}), the detector learns the team's insults against
 * every {@code neither} the main model learns from, and only what the detector is sure of moves
 * from {@code neither} to {@code offensive}. Mixing the team's insults into the main model instead
 * taught the tweets' {@code neither} class that a plain insult is offensive, which the data set's
 * annotators did not (docs/models.md, "Offense: the team corpus as a second detector").
 *
 * @param weights a two-label linear model ({@code [not, label]}) over the main model's ids
 * @param label index of the label the detector adds to
 * @param from index of the label whose probability it moves
 */
public record OrHead(ModelWeights weights, int label, int from) {

    public OrHead {
        if (weights.classes() != 2 || label == from || label < 0 || from < 0) {
            throw new IllegalArgumentException("an OR head is a two-label model moving one label's probability to"
                    + " another, was " + weights.classes() + " labels, " + from + " → " + label);
        }
    }

    /** The detector's probability of each row, {@code [rows]}. */
    float[] detect(int[] ids, int rows, int width) {
        float[][] scores = weights.probabilities(ids, rows, width);
        float[] detected = new float[rows];
        for (int r = 0; r < rows; r++) {
            detected[r] = scores[r][1];
        }
        return detected;
    }

    /** The main model's probabilities with the detector OR-ed in (new arrays). */
    float[][] apply(float[][] main, float[] detected) {
        float[][] combined = new float[main.length][];
        for (int r = 0; r < main.length; r++) {
            float[] row = main[r].clone();
            float moved = row[from] * detected[r];
            row[label] += moved;
            row[from] -= moved;
            combined[r] = row;
        }
        return combined;
    }

    /** What the frozen graph computes: the main model's probabilities with this head OR-ed in. */
    float[][] probabilities(ModelWeights main, int[] ids, int rows, int width) {
        return apply(main.probabilities(ids, rows, width), detect(ids, rows, width));
    }
}
