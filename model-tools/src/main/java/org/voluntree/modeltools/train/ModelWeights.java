package org.voluntree.modeltools.train;

/**
 * The trained parameters, row-major. Without a hidden layer the output layer reads the mean
 * embedding directly ({@code hiddenWeights} and {@code hiddenBias} are empty).
 *
 * @param embedding {@code buckets × dim}
 * @param hiddenWeights {@code dim × hidden}
 * @param hiddenBias {@code hidden}
 * @param outputWeights {@code (hidden > 0 ? hidden : dim) × classes}
 * @param outputBias {@code classes}
 */
public record ModelWeights(
        int buckets,
        int dim,
        int hidden,
        int classes,
        float[] embedding,
        float[] hiddenWeights,
        float[] hiddenBias,
        float[] outputWeights,
        float[] outputBias) {

    public ModelWeights {
        int outputInputs = hidden > 0 ? hidden : dim;
        if (embedding.length != buckets * dim || hiddenWeights.length != dim * hidden
                || hiddenBias.length != hidden || outputWeights.length != outputInputs * classes
                || outputBias.length != classes) {
            throw new IllegalArgumentException("weight arrays do not match the shape " + buckets + "×" + dim + ", hidden "
                    + hidden + ", classes " + classes);
        }
    }

    /** These weights with {@code delta} added to one output bias, i.e. one label's logit moved. */
    public ModelWeights withOutputBiasShifted(int label, float delta) {
        float[] bias = outputBias.clone();
        bias[label] += delta;
        return new ModelWeights(buckets, dim, hidden, classes, embedding, hiddenWeights, hiddenBias, outputWeights,
                bias);
    }

    /**
     * The embedding multiplied by the first dense layer ({@code buckets × width}), with the
     * padding row zeroed: because the mean of rows times a matrix equals the mean of the rows'
     * products, the served graph gathers from this narrower table and skips that layer.
     */
    public float[] foldedTable() {
        int width = hidden > 0 ? hidden : classes;
        float[] matrix = hidden > 0 ? hiddenWeights : outputWeights;
        float[] table = new float[buckets * width];
        for (int row = 1; row < buckets; row++) {
            for (int col = 0; col < width; col++) {
                double sum = 0;
                for (int k = 0; k < dim; k++) {
                    sum += (double) embedding[row * dim + k] * matrix[k * width + col];
                }
                table[row * width + col] = (float) sum;
            }
        }
        return table;
    }
}
