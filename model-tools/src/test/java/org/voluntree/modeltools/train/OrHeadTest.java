package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voluntree.modeltools.data.LabelledText;

class OrHeadTest {

    private static final int OFFENSIVE = 1;
    private static final int NEITHER = 2;

    /** A two-label model over 4 ids whose id 3 alone says "yes" (logit +4 against 0). */
    private static final ModelWeights DETECTOR = new ModelWeights(
            4,
            2,
            0,
            2,
            new float[] {0, 0, 0, 0, 0, 0, 0, 4},
            new float[0],
            new float[0],
            new float[] {1, 0, 0, 1},
            new float[] {0, 0},
            Pooling.SUM);

    private final OrHead head = new OrHead(DETECTOR, OFFENSIVE, NEITHER);

    @Test
    void whatTheDetectorIsSureOfMovesFromNeitherToOffensiveAndHateKeepsItsShare() {
        float[][] combined = head.apply(new float[][] {{0.1f, 0.2f, 0.7f}}, new float[] {0.5f});

        assertThat(combined[0]).containsExactly(new float[] {0.1f, 0.55f, 0.35f}, within(1e-6f));
    }

    @Test
    void aDetectorThatSaysNothingLeavesTheModelAsItIs() {
        float[][] main = {{0.05f, 0.15f, 0.8f}};

        assertThat(head.apply(main, new float[] {0f})[0]).containsExactly(main[0]);
        assertThat(main[0]).as("the input is not changed").containsExactly(0.05f, 0.15f, 0.8f);
    }

    @Test
    void theDetectorReadsTheSameIdsAsTheModel() {
        int[] ids = {3, 0, 1, 0};

        float[] detected = head.detect(ids, 2, 2);

        assertThat(detected[0]).isCloseTo((float) (1 / (1 + Math.exp(-4))), within(1e-6f));
        assertThat(detected[1]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void theHeadLearnsTheCorpusAgainstEveryNeitherTheModelLearns() {
        OrHeadData data = new OrHeadData(
                "offensive",
                "neither",
                List.of(new LabelledText("offensive", "insult"), new LabelledText("neither", "complaint")),
                2);

        List<LabelledText> examples = data.examples(List.of(
                new LabelledText("neither", "a tweet"),
                new LabelledText("offensive", "another tweet"),
                new LabelledText("hate", "a third")));

        assertThat(examples)
                .containsExactlyInAnyOrder(
                        new LabelledText("yes", "insult"),
                        new LabelledText("yes", "insult"),
                        new LabelledText("no", "complaint"),
                        new LabelledText("no", "complaint"),
                        new LabelledText("no", "a tweet"));
    }

    @Test
    void aHeadMustMoveBetweenTwoLabelsOfATwoLabelDetector() {
        assertThatThrownBy(() -> new OrHead(DETECTOR, NEITHER, NEITHER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrHeadData("neither", "neither", List.of(new LabelledText("neither", "x")), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrHeadData("offensive", "neither", List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
