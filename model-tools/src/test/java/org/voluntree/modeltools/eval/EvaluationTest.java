package org.voluntree.modeltools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void computesPerLabelMacroAndWeightedScores() {
        // gold a a a a b b c c ; predicted a a a b b c c a
        int[] gold = {0, 0, 0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 0, 0, 1, 1, 2, 2, 0};

        Evaluation evaluation = Evaluation.of(LABELS, gold, predicted);

        assertThat(evaluation.accuracy()).isEqualTo(5 / 8.0);
        assertThat(evaluation.confusion()).isDeepEqualTo(new int[][] {{3, 1, 0}, {0, 1, 1}, {1, 0, 1}});
        LabelScores a = evaluation.scoresOf("a");
        assertThat(a.precision()).isEqualTo(0.75);
        assertThat(a.recall()).isEqualTo(0.75);
        assertThat(a.support()).isEqualTo(4);
        assertThat(evaluation.scoresOf("b").f1()).isCloseTo(0.5, within(1e-12));
        assertThat(evaluation.scoresOf("c").f1()).isCloseTo(0.5, within(1e-12));
        assertThat(evaluation.macroF1()).isCloseTo((0.75 + 0.5 + 0.5) / 3, within(1e-12));
        assertThat(evaluation.weightedF1()).isCloseTo((0.75 * 4 + 0.5 * 2 + 0.5 * 2) / 8, within(1e-12));
    }

    @Test
    void aLabelNeverPredictedHasZeroPrecisionNotNaN() {
        Evaluation evaluation = Evaluation.of(LABELS, new int[] {0, 1}, new int[] {0, 0});

        assertThat(evaluation.scoresOf("b").precision()).isZero();
        assertThat(evaluation.scoresOf("c").f1()).isZero();
    }

    @Test
    void groupF1MergesLabelsIntoOneBinaryClass() {
        // a and b against c: gold a b c c ; predicted b a c a → group TP 2, FP 1, FN 0
        Evaluation evaluation = Evaluation.of(LABELS, new int[] {0, 1, 2, 2}, new int[] {1, 0, 2, 0});

        assertThat(evaluation.groupF1(Set.of("a", "b"))).isCloseTo(2 * (2 / 3.0) / (2 / 3.0 + 1), within(1e-12));
    }

    @Test
    void reportsRenderTheFigures() {
        Evaluation evaluation = Evaluation.of(LABELS, new int[] {0, 1, 2}, new int[] {0, 1, 1});

        assertThat(EvaluationReport.text("t", evaluation, java.util.Map.of()))
                .contains("accuracy     0.6667", "macro-F1", "[2] c", "confusion");
        assertThat(EvaluationReport.json("x", evaluation, java.util.Map.of("extra", 1)))
                .contains("\"analyzer\" : \"x\"", "\"accuracy\" : 0.6667", "\"confusion\"", "\"extra\" : 1");
    }
}
