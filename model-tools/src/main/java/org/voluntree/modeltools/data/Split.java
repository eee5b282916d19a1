package org.voluntree.modeltools.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** A train/held-out partition of examples. */
public record Split(List<LabelledText> train, List<LabelledText> heldOut) {

    public Split {
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
    }

    /**
     * Holds out {@code fraction} of every label's examples, chosen by a seeded shuffle, so both
     * parts keep the label proportions. The same input, fraction and seed give the same split.
     */
    public static Split stratified(List<LabelledText> examples, double fraction, long seed) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("held-out fraction must be between 0 and 1, was " + fraction);
        }
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>())
                    .add(i);
        }
        Random random = new Random(seed);
        boolean[] heldOut = new boolean[examples.size()];
        for (List<Integer> indices : byLabel.values()) {
            Collections.shuffle(indices, random);
            int count = (int) Math.round(indices.size() * fraction);
            for (int i = 0; i < count; i++) {
                heldOut[indices.get(i)] = true;
            }
        }
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> held = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (heldOut[i] ? held : train).add(examples.get(i));
        }
        return new Split(train, held);
    }

    /** How many examples each label has, in first-seen order. */
    public static Map<String, Integer> counts(List<LabelledText> examples) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LabelledText example : examples) {
            counts.merge(example.label(), 1, Integer::sum);
        }
        return counts;
    }
}
