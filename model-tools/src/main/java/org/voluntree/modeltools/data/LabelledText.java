package org.voluntree.modeltools.data;

import java.util.Objects;

/** One training or evaluation example: a raw message and its gold label. */
public record LabelledText(String label, String text) {

    public LabelledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }
}
