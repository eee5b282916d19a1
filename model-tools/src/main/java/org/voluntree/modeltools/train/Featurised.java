package org.voluntree.modeltools.train;

import java.util.List;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.modeltools.data.LabelledText;

/** Examples turned into ids ({@code size × width}, row-major) and label indices. */
record Featurised(int[] ids, int[] labels, int width) {

    static Featurised of(List<LabelledText> examples, List<String> labelNames, HashingFeaturiser featuriser) {
        int width = featuriser.config().maxFeatures();
        int[] ids = new int[examples.size() * width];
        int[] labels = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            LabelledText example = examples.get(i);
            System.arraycopy(featuriser.featurise(example.text()), 0, ids, i * width, width);
            labels[i] = labelNames.indexOf(example.label());
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label '" + example.label() + "' is not one of " + labelNames);
            }
        }
        return new Featurised(ids, labels, width);
    }

    int size() {
        return labels.length;
    }

    int[] rows(int start, int count) {
        int[] slice = new int[count * width];
        System.arraycopy(ids, start * width, slice, 0, count * width);
        return slice;
    }

    Featurised firstRows(int count) {
        int n = Math.min(count, size());
        int[] firstLabels = new int[n];
        System.arraycopy(labels, 0, firstLabels, 0, n);
        return new Featurised(rows(0, n), firstLabels, width);
    }
}
