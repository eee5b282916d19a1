package org.voluntree.contracts.model;

import java.util.List;

/**
 * A graph input or output: its operation name, TensorFlow dtype ({@code INT32}, {@code FLOAT})
 * and shape, {@code -1} for the batch dimension.
 */
public record TensorSpec(String name, String dtype, List<Long> shape) {

    public TensorSpec {
        shape = List.copyOf(shape);
    }
}
