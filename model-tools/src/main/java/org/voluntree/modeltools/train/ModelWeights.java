package org.voluntree.modeltools.train;

import java.util.List;

/**
 * The trained parameters, row-major. Without a hidden layer the output layer reads the pooled
 * embedding directly ({@code hiddenWeights} and {@code hiddenBias} are empty).
 *
 * @param embedding {@code buckets × dim}
 * @param hiddenWeights {@code dim × hidden}
 * @param hiddenBias {@code hidden}
 * @param outputWeights {@code (hidden > 0 ? hidden : dim) × classes}
 * @param outputBias {@code classes}
 * @param pooling how the rows of a message's ids are combined
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
        float[] outputBias,
        Pooling pooling) {

    /** Weights of a mean-pooled model. */
    public ModelWeights(
            int buckets,
            int dim,
            int hidden,
            int classes,
            float[] embedding,
            float[] hiddenWeights,
            float[] hiddenBias,
            float[] outputWeights,
            float[] outputBias) {
        this(
                buckets,
                dim,
                hidden,
                classes,
                embedding,
                hiddenWeights,
                hiddenBias,
                outputWeights,
                outputBias,
                Pooling.MEAN);
    }

    public ModelWeights {
        if (pooling == null) {
            throw new IllegalArgumentException("pooling must be given");
        }
        int outputInputs = hidden > 0 ? hidden : dim;
        if (embedding.length != buckets * dim
                || hiddenWeights.length != dim * hidden
                || hiddenBias.length != hidden
                || outputWeights.length != outputInputs * classes
                || outputBias.length != classes) {
            throw new IllegalArgumentException("weight arrays do not match the shape " + buckets + "×" + dim
                    + ", hidden " + hidden + ", classes " + classes);
        }
    }

    /** These weights with {@code delta} added to one output bias, i.e. one label's logit moved. */
    public ModelWeights withOutputBiasShifted(int label, float delta) {
        float[] bias = outputBias.clone();
        bias[label] += delta;
        return new ModelWeights(
                buckets, dim, hidden, classes, embedding, hiddenWeights, hiddenBias, outputWeights, bias, pooling);
    }

    /**
     * The embedding multiplied by the first dense layer ({@code buckets × width}), with the
     * padding row zeroed: because the pooled rows times a matrix equal the pooled rows'
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

    /**
     * The average of linear models: averaging their logits is the linear model whose folded
     * table and bias are the averages, so the ensemble is served as one table. One model is
     * returned as it is.
     */
    public static ModelWeights average(List<ModelWeights> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        ModelWeights first = members.get(0);
        int classes = first.classes();
        float[] table = new float[first.buckets() * classes];
        float[] bias = new float[classes];
        for (ModelWeights member : members) {
            if (member.hidden() > 0
                    || member.buckets() != first.buckets()
                    || member.classes() != classes
                    || member.pooling() != first.pooling()) {
                throw new IllegalArgumentException("only linear models of one shape and pooling can be averaged");
            }
            float[] folded = member.foldedTable();
            for (int i = 0; i < table.length; i++) {
                table[i] += folded[i] / members.size();
            }
            for (int c = 0; c < classes; c++) {
                bias[c] += member.outputBias()[c] / members.size();
            }
        }
        float[] identity = new float[classes * classes];
        for (int c = 0; c < classes; c++) {
            identity[c * classes + c] = 1f;
        }
        return new ModelWeights(
                first.buckets(),
                classes,
                0,
                classes,
                table,
                new float[0],
                new float[0],
                identity,
                bias,
                first.pooling());
    }

    /**
     * Class probabilities computed in plain Java the way the frozen graph computes them (the
     * reference the freezer is checked against, and a fast scorer for calibration).
     *
     * @param ids {@code rows × width} ids, 0 = padding
     */
    public float[][] probabilities(int[] ids, int rows, int width) {
        int tableWidth = hidden > 0 ? hidden : classes;
        float[] table = foldedTable();
        float[][] out = new float[rows][];
        double[] pooled = new double[tableWidth];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(pooled, 0);
            int count = 0;
            for (int k = 0; k < width; k++) {
                int id = ids[r * width + k];
                if (id != 0) {
                    count++;
                    for (int c = 0; c < tableWidth; c++) {
                        pooled[c] += table[id * tableWidth + c];
                    }
                }
            }
            double divisor = pooling.divisor(count);
            double[] logits = new double[classes];
            if (hidden > 0) {
                double[] h = new double[hidden];
                for (int j = 0; j < hidden; j++) {
                    h[j] = Math.max(0, pooled[j] / divisor + hiddenBias[j]);
                }
                for (int c = 0; c < classes; c++) {
                    double sum = outputBias[c];
                    for (int j = 0; j < hidden; j++) {
                        sum += h[j] * outputWeights[j * classes + c];
                    }
                    logits[c] = sum;
                }
            } else {
                for (int c = 0; c < classes; c++) {
                    logits[c] = pooled[c] / divisor + outputBias[c];
                }
            }
            out[r] = softmax(logits);
        }
        return out;
    }

    private static float[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }
}
