package org.voluntree.modeltools.train;

import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds the served graph from trained weights: every weight a Constant, only ops that
 * TensorFlow 2.8 (RedisAI 1.2) also runs — Placeholder, GatherV2, Sum, NotEqual, Cast, Maximum,
 * RealDiv, Sqrt, BiasAdd, Relu, MatMul, Softmax, and for an {@link OrHead} Mul and Add.
 *
 * <pre>
 * ids [N, L] INT32 ─GatherV2(table)→ [N, L, W] ─Sum(axis 1)→ ÷ n (mean), ÷ Sqrt(n) or nothing (sum),
 *   n = max(count of non-zero ids, 1) → BiasAdd → (Relu → MatMul → BiasAdd) → Softmax → probs [N, C] FLOAT
 * </pre>
 *
 * The table is the embedding already multiplied by the first dense layer, with a zero padding
 * row, so padding needs no mask and each id reads W = hidden (or C) floats instead of dim.
 */
public final class FrozenGraph {

    public static final String INPUT = "ids";
    public static final String OUTPUT = "probs";

    private FrozenGraph() {}

    /** The serialised GraphDef for weights read by {@code maxFeatures} ids a row. */
    public static byte[] build(ModelWeights weights, int maxFeatures) {
        return build(weights, Optional.empty(), maxFeatures);
    }

    /**
     * As {@link #build(ModelWeights, int)}, with an {@link OrHead} read from the same ids and OR-ed
     * into the probabilities: {@code probs = p + (p·e_from) h · (e_label − e_from)}, with MatMul, Mul
     * and Add. When both are linear with the same pooling their tables sit side by side in one,
     * gathered once and split by MatMul after pooling.
     */
    public static byte[] build(ModelWeights weights, Optional<OrHead> head, int maxFeatures) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TInt32> ids =
                    tf.withName(INPUT).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, maxFeatures)));
            if (head.isEmpty()) {
                tf.withName(OUTPUT).nn.softmax(logits(tf, ids, weights));
            } else {
                OrHead or = head.get();
                int classes = weights.classes();
                Operand<TFloat32> mainLogits;
                Operand<TFloat32> detectorLogits;
                if (weights.hidden() == 0 && or.weights().pooling() == weights.pooling()) {
                    // both linear over the same ids with the same pooling: one table, one gather
                    Operand<TFloat32> pooled =
                            pooled(tf, ids, weights.pooling(), weights.buckets(), sideBySide(weights, or.weights()));
                    mainLogits = tf.nn.biasAdd(
                            tf.linalg.matMul(pooled, selector(tf, classes + 2, 0, classes)),
                            vector(tf, weights.outputBias()));
                    detectorLogits = tf.nn.biasAdd(
                            tf.linalg.matMul(pooled, selector(tf, classes + 2, classes, 2)),
                            vector(tf, or.weights().outputBias()));
                } else {
                    mainLogits = logits(tf.withSubScope("model"), ids, weights);
                    detectorLogits = logits(tf.withSubScope("or_head"), ids, or.weights());
                }
                Operand<TFloat32> main = tf.nn.softmax(mainLogits);
                Operand<TFloat32> detected =
                        tf.linalg.matMul(tf.nn.softmax(detectorLogits), matrix(tf, 2, 1, new float[] {0f, 1f}));
                float[] fromColumn = new float[classes];
                fromColumn[or.from()] = 1f;
                float[] direction = new float[classes];
                direction[or.label()] = 1f;
                direction[or.from()] = -1f;
                Operand<TFloat32> moved =
                        tf.math.mul(tf.linalg.matMul(main, matrix(tf, classes, 1, fromColumn)), detected);
                tf.withName(OUTPUT).math.add(main, tf.linalg.matMul(moved, matrix(tf, 1, classes, direction)));
            }
            return graph.toGraphDef().toByteArray();
        }
    }

    /** One linear (or one-hidden-layer) model's logits over the ids, {@code [N, classes]}. */
    private static Operand<TFloat32> logits(Ops tf, Operand<TInt32> ids, ModelWeights weights) {
        Operand<TFloat32> pooled = pooled(tf, ids, weights.pooling(), weights.buckets(), weights.foldedTable());
        if (weights.hidden() > 0) {
            Operand<TFloat32> hidden = tf.nn.relu(tf.nn.biasAdd(pooled, vector(tf, weights.hiddenBias())));
            Operand<TFloat32> outputWeights = matrix(tf, weights.hidden(), weights.classes(), weights.outputWeights());
            return tf.nn.biasAdd(tf.linalg.matMul(hidden, outputWeights), vector(tf, weights.outputBias()));
        }
        return tf.nn.biasAdd(pooled, vector(tf, weights.outputBias()));
    }

    /** The rows of {@code table} ({@code buckets × width}, row-major) gathered for the ids and pooled, {@code [N, width]}. */
    private static Operand<TFloat32> pooled(Ops tf, Operand<TInt32> ids, Pooling pooling, int buckets, float[] table) {
        int width = table.length / buckets;
        Operand<TFloat32> constant =
                tf.withName("table").constant(Shape.of(buckets, width), DataBuffers.of(table, true, false));
        Operand<TFloat32> summed = tf.reduceSum(tf.gather(constant, ids, tf.constant(0)), tf.constant(1));
        return switch (pooling) {
            case MEAN -> tf.math.realDiv(summed, counts(tf, ids));
            case SQRT -> tf.math.realDiv(summed, tf.math.sqrt(counts(tf, ids)));
            case SUM -> summed;
        };
    }

    /** Two linear models' folded tables side by side, {@code buckets × (C + 2)}. */
    private static float[] sideBySide(ModelWeights main, ModelWeights detector) {
        float[] left = main.foldedTable();
        float[] right = detector.foldedTable();
        int c = main.classes();
        float[] table = new float[main.buckets() * (c + 2)];
        for (int row = 0; row < main.buckets(); row++) {
            System.arraycopy(left, row * c, table, row * (c + 2), c);
            System.arraycopy(right, row * 2, table, row * (c + 2) + c, 2);
        }
        return table;
    }

    /** The {@code [width, count]} matrix that picks columns {@code first … first+count−1}. */
    private static Operand<TFloat32> selector(Ops tf, int width, int first, int count) {
        float[] values = new float[width * count];
        for (int k = 0; k < count; k++) {
            values[(first + k) * count + k] = 1f;
        }
        return matrix(tf, width, count, values);
    }

    private static Operand<TFloat32> matrix(Ops tf, int rows, int cols, float[] values) {
        return tf.constant(Shape.of(rows, cols), DataBuffers.of(values, true, false));
    }

    /** max(count of non-zero ids, 1) per row, {@code [N, 1]}. */
    private static Operand<TFloat32> counts(Ops tf, Operand<TInt32> ids) {
        return tf.math.maximum(
                tf.reduceSum(
                        tf.dtypes.cast(tf.math.notEqual(ids, tf.constant(0)), TFloat32.class),
                        tf.constant(1),
                        ReduceSum.keepDims(true)),
                tf.constant(1f));
    }

    private static Operand<TFloat32> vector(Ops tf, float[] values) {
        return tf.constant(Shape.of(values.length), DataBuffers.of(values, true, false));
    }
}
