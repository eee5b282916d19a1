package org.voluntree.modeltools.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.voluntree.contracts.event.Json;

/** Renders an {@link Evaluation} as a table for people or as JSON for scripts. */
public final class EvaluationReport {

    private EvaluationReport() {}

    public static String text(String title, Evaluation evaluation, Map<String, Object> extra) {
        StringBuilder out = new StringBuilder();
        out.append(title).append(" — ").append(evaluation.examples()).append(" examples\n");
        out.append(String.format(Locale.ROOT, "accuracy     %.4f%n", evaluation.accuracy()));
        out.append(String.format(Locale.ROOT, "macro-F1     %.4f%n", evaluation.macroF1()));
        out.append(String.format(Locale.ROOT, "weighted-F1  %.4f%n", evaluation.weightedF1()));
        extra.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%-12s %s%n", name, value)));
        int width = 4
                + Math.max(
                        8,
                        evaluation.labels().stream()
                                .mapToInt(String::length)
                                .max()
                                .orElse(8));
        out.append('\n')
                .append(String.format(Locale.ROOT, "%-" + width + "s  precision  recall  f1      support%n", "label"));
        for (LabelScores s : evaluation.perLabel()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s  %.4f     %.4f  %.4f  %d%n",
                    s.label(),
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.support()));
        }
        out.append("\nconfusion (rows = gold, columns = predicted)\n");
        out.append(String.format(Locale.ROOT, "%-" + width + "s", ""));
        for (int c = 0; c < evaluation.labels().size(); c++) {
            out.append(String.format(Locale.ROOT, " %6s", "[" + c + "]"));
        }
        out.append('\n');
        for (int g = 0; g < evaluation.labels().size(); g++) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s",
                    "[" + g + "] " + evaluation.labels().get(g)));
            for (int count : evaluation.confusion()[g]) {
                out.append(String.format(Locale.ROOT, " %6d", count));
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String json(String analyzer, Evaluation evaluation, Map<String, Object> extra) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("analyzer", analyzer);
        map.putAll(evaluation.asMap());
        map.putAll(extra);
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(map);
    }
}
