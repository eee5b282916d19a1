package org.voluntree.modeltools.train;

import java.util.Locale;

/**
 * How the rows of a message's ids are combined before the output layer: the sum of the rows
 * divided by a function of the message's id count n (padding not counted). Mean pooling lets
 * every id of a long message dilute a decisive one; dividing by √n keeps a message's vector at
 * about the same length however many ids it has (as an L2-normalised bag of words does), and
 * the plain sum lets each id count fully.
 */
public enum Pooling {
    /** sum ÷ max(n, 1) — fastText's average. */
    MEAN,
    /** sum ÷ √max(n, 1). */
    SQRT,
    /** the sum itself. */
    SUM;

    /** What the sum of the rows is divided by for a message with {@code count} non-padding ids. */
    public double divisor(int count) {
        return switch (this) {
            case MEAN -> Math.max(count, 1);
            case SQRT -> Math.sqrt(Math.max(count, 1));
            case SUM -> 1;
        };
    }

    public static Pooling named(String name) {
        for (Pooling pooling : values()) {
            if (pooling.toString().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return pooling;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + name + "'; expected mean, sqrt or sum");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
