package org.voluntree.modeltools.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well predictions match gold labels. {@code confusion[gold][predicted]} counts examples,
 * rows and columns in the order of {@code labels}.
 */
public record Evaluation(
        List<String> labels,
        int examples,
        double accuracy,
        double macroF1,
        double weightedF1,
        List<LabelScores> perLabel,
        int[][] confusion) {

    public Evaluation {
        labels = List.copyOf(labels);
        perLabel = List.copyOf(perLabel);
    }

    /** Scores gold against predicted label indices. */
    public static Evaluation of(List<String> labels, int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException(gold.length + " gold labels but " + predicted.length + " predictions");
        }
        int n = labels.size();
        int[][] confusion = new int[n][n];
        int correct = 0;
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predicted[i]]++;
            if (gold[i] == predicted[i]) {
                correct++;
            }
        }
        List<LabelScores> perLabel = new ArrayList<>();
        double macro = 0;
        double weighted = 0;
        for (int c = 0; c < n; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int k = 0; k < n; k++) {
                support += confusion[c][k];
                predictedAs += confusion[k][c];
            }
            LabelScores scores = scores(labels.get(c), truePositives, predictedAs, support);
            perLabel.add(scores);
            macro += scores.f1();
            weighted += scores.f1() * support;
        }
        double accuracy = gold.length == 0 ? 0 : (double) correct / gold.length;
        return new Evaluation(
                labels,
                gold.length,
                accuracy,
                n == 0 ? 0 : macro / n,
                gold.length == 0 ? 0 : weighted / gold.length,
                perLabel,
                confusion);
    }

    private static LabelScores scores(String label, int truePositives, int predictedAs, int support) {
        double precision = predictedAs == 0 ? 0 : (double) truePositives / predictedAs;
        double recall = support == 0 ? 0 : (double) truePositives / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new LabelScores(label, precision, recall, f1, support);
    }

    public LabelScores scoresOf(String label) {
        return perLabel.get(indexOf(label));
    }

    /** F1 of a binary task that merges {@code positives} into one class against all other labels. */
    public double groupF1(Set<String> positives) {
        int truePositives = 0;
        int predictedAs = 0;
        int support = 0;
        for (int gold = 0; gold < labels.size(); gold++) {
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                boolean g = positives.contains(labels.get(gold));
                boolean p = positives.contains(labels.get(predicted));
                int count = confusion[gold][predicted];
                truePositives += g && p ? count : 0;
                predictedAs += p ? count : 0;
                support += g ? count : 0;
            }
        }
        return scores("group", truePositives, predictedAs, support).f1();
    }

    /** The figures in the plain form saved in a model manifest. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("examples", examples);
        map.put("accuracy", round(accuracy));
        map.put("macroF1", round(macroF1));
        map.put("weightedF1", round(weightedF1));
        Map<String, Object> labelsMap = new LinkedHashMap<>();
        for (LabelScores scores : perLabel) {
            labelsMap.put(
                    scores.label(),
                    Map.of(
                            "precision",
                            round(scores.precision()),
                            "recall",
                            round(scores.recall()),
                            "f1",
                            round(scores.f1()),
                            "support",
                            scores.support()));
        }
        map.put("perLabel", labelsMap);
        List<List<Integer>> matrix = new ArrayList<>();
        for (int[] row : confusion) {
            matrix.add(java.util.Arrays.stream(row).boxed().toList());
        }
        map.put("confusion", matrix);
        return map;
    }

    private int indexOf(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("no label '" + label + "' in " + labels);
        }
        return index;
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
