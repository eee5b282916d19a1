package org.voluntree.modeltools.train;

import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The trainable graph: ids {@code [N, L]} → embedding rows of the non-zero ids, pooled (mean,
 * ÷√n or sum) → optional ReLU layer → logits, trained with Adam on softmax cross-entropy plus an
 * optional L2 penalty on the embedding and dense weights. Weights start from a
 * seeded Java {@link Random}, so a run is reproducible up to float summation order.
 */
final class EmbeddingBagNetwork implements AutoCloseable {

    private final TrainingConfig config;
    private final int classes;
    private final int width;
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TInt32> ids;
    private final Placeholder<TFloat32> targets;
    private final Placeholder<TFloat32> exampleWeights;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> probabilities;
    private final Op minimise;
    private final Variable<TFloat32> embedding;
    private final Variable<TFloat32> hiddenWeights;
    private final Variable<TFloat32> hiddenBias;
    private final Variable<TFloat32> outputWeights;
    private final Variable<TFloat32> outputBias;
    private final double dropout;
    private final Random dropped;
    private final float[] idWeights;

    EmbeddingBagNetwork(TrainingConfig config, int classes) {
        this(config, classes, null);
    }

    /**
     * @param idWeights a fixed weight per bucket that each id's row is multiplied by before pooling
     *     ({@link NaiveBayesScaling}), folded into the embedding {@link #weights()} returns; {@code
     *     null} for none
     */
    EmbeddingBagNetwork(TrainingConfig config, int classes, float[] idWeights) {
        this.config = config;
        this.idWeights = idWeights;
        this.classes = classes;
        this.width = config.featuriser().maxFeatures();
        this.dropout = config.tokenDropout();
        this.dropped = new Random(config.seed() * 31 + 17);
        int buckets = config.featuriser().buckets();
        int dim = config.embeddingDim();
        int hidden = config.hiddenUnits();
        Random random = new Random(config.seed());
        Ops tf = Ops.create(graph);
        ids = tf.withName("ids").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, width)));
        targets = tf.withName("targets").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
        exampleWeights = tf.withName("example_weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        embedding = tf.withName("embedding")
                .variable(constant(tf, uniform(random, buckets * dim, 1.0 / dim), buckets, dim));
        Operand<TFloat32> mask = tf.dtypes.cast(tf.math.notEqual(ids, tf.constant(0)), TFloat32.class);
        Operand<TFloat32> rows = tf.gather(embedding, ids, tf.constant(0));
        // the count n of the pooling stays the count of ids: only the rows are weighted
        Operand<TFloat32> rowWeights =
                idWeights == null ? mask : tf.math.mul(mask, tf.gather(tf.constant(idWeights), ids, tf.constant(0)));
        Operand<TFloat32> summed =
                tf.reduceSum(tf.math.mul(rows, tf.expandDims(rowWeights, tf.constant(-1))), tf.constant(1));
        Operand<TFloat32> counts =
                tf.math.maximum(tf.reduceSum(mask, tf.constant(1), ReduceSum.keepDims(true)), tf.constant(1f));
        Operand<TFloat32> features = switch (config.pooling()) {
            case MEAN -> tf.math.div(summed, counts);
            case SQRT -> tf.math.div(summed, tf.math.sqrt(counts));
            case SUM -> summed;
        };
        if (hidden > 0) {
            hiddenWeights =
                    tf.withName("hidden_weights").variable(constant(tf, glorot(random, dim, hidden), dim, hidden));
            hiddenBias =
                    tf.withName("hidden_bias").variable(tf.constant(Shape.of(hidden), DataBuffers.ofFloats(hidden)));
            features = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(features, hiddenWeights), hiddenBias));
        } else {
            hiddenWeights = null;
            hiddenBias = null;
        }
        int inputs = hidden > 0 ? hidden : dim;
        outputWeights =
                tf.withName("output_weights").variable(constant(tf, glorot(random, inputs, classes), inputs, classes));
        outputBias = tf.withName("output_bias").variable(tf.constant(Shape.of(classes), DataBuffers.ofFloats(classes)));
        Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(features, outputWeights), outputBias);
        probabilities = tf.withName("probs").nn.softmax(logits);
        Operand<TFloat32> crossEntropy = tf.math.mean(
                tf.math.mul(
                        exampleWeights,
                        tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss()),
                tf.constant(0));
        if (config.l2() > 0) {
            Operand<TFloat32> penalty = tf.math.add(tf.nn.l2Loss(embedding), tf.nn.l2Loss(outputWeights));
            if (hidden > 0) {
                penalty = tf.math.add(penalty, tf.nn.l2Loss(hiddenWeights));
            }
            crossEntropy = tf.math.add(crossEntropy, tf.math.mul(tf.constant((float) config.l2()), penalty));
        }
        loss = crossEntropy;
        minimise = new Adam(graph, config.learningRate()).minimize(loss);
        session = new Session(graph);
        session.initialize();
    }

    /**
     * One optimiser step per batch over the examples in {@code order}; returns the mean loss.
     * An example's cross-entropy is multiplied by its label's weight. (Scaling the one-hot
     * target instead, as this once did, is not the same: TensorFlow's gradient of the
     * cross-entropy is softmax − target, which never vanishes for a target above 1, so the
     * logits of an up-weighted label grow without bound.)
     */
    double trainEpoch(int[] allIds, int[] labels, int[] order, float[] classWeights) {
        double total = 0;
        int batches = 0;
        for (int start = 0; start < order.length; start += config.batchSize()) {
            int rows = Math.min(config.batchSize(), order.length - start);
            int[] batchIds = new int[rows * width];
            float[] oneHot = new float[rows * classes];
            float[] weights = new float[rows];
            for (int r = 0; r < rows; r++) {
                int example = order[start + r];
                System.arraycopy(allIds, example * width, batchIds, r * width, width);
                if (dropout > 0) {
                    int kept = 0;
                    for (int k = 0; k < width; k++) {
                        int id = batchIds[r * width + k];
                        if (id != 0 && dropped.nextDouble() >= dropout) {
                            batchIds[r * width + kept++] = id;
                        }
                    }
                    if (kept == 0) {
                        System.arraycopy(allIds, example * width, batchIds, r * width, width);
                    } else {
                        java.util.Arrays.fill(batchIds, r * width + kept, (r + 1) * width, 0);
                    }
                }
                oneHot[r * classes + labels[example]] = 1f;
                weights[r] = classWeights[labels[example]];
            }
            try (TInt32 idTensor = TInt32.tensorOf(Shape.of(rows, width), DataBuffers.of(batchIds, true, false));
                    TFloat32 targetTensor =
                            TFloat32.tensorOf(Shape.of(rows, classes), DataBuffers.of(oneHot, true, false));
                    TFloat32 weightTensor = TFloat32.tensorOf(Shape.of(rows), DataBuffers.of(weights, true, false));
                    Result result = session.runner()
                            .feed(ids, idTensor)
                            .feed(targets, targetTensor)
                            .feed(exampleWeights, weightTensor)
                            .addTarget(minimise)
                            .fetch(loss)
                            .run()) {
                total += ((TFloat32) result.get(0)).getFloat();
                batches++;
            }
        }
        return batches == 0 ? Double.NaN : total / batches;
    }

    /** Class probabilities from this (training) graph, for comparison with the frozen one. */
    float[][] predict(int[] batchIds, int rows) {
        try (TInt32 idTensor = TInt32.tensorOf(Shape.of(rows, width), DataBuffers.of(batchIds, true, false));
                Result result = session.runner()
                        .feed(ids, idTensor)
                        .fetch(probabilities)
                        .run()) {
            float[] flat = new float[rows * classes];
            ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(flat);
            float[][] scores = new float[rows][classes];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(flat, r * classes, scores[r], 0, classes);
            }
            return scores;
        }
    }

    ModelWeights weights() {
        int hidden = config.hiddenUnits();
        return new ModelWeights(
                config.featuriser().buckets(),
                config.embeddingDim(),
                hidden,
                classes,
                weighted(read(embedding)),
                hidden > 0 ? read(hiddenWeights) : new float[0],
                hidden > 0 ? read(hiddenBias) : new float[0],
                read(outputWeights),
                read(outputBias),
                config.pooling());
    }

    /** The embedding with each row multiplied by its id's weight: what the served table is made of. */
    private float[] weighted(float[] embeddingRows) {
        if (idWeights != null) {
            int dim = config.embeddingDim();
            for (int id = 0; id < idWeights.length; id++) {
                for (int k = 0; k < dim; k++) {
                    embeddingRows[id * dim + k] *= idWeights[id];
                }
            }
        }
        return embeddingRows;
    }

    private float[] read(Variable<TFloat32> variable) {
        try (Result result = session.runner().fetch(variable).run()) {
            TFloat32 tensor = (TFloat32) result.get(0);
            float[] values = new float[(int) tensor.shape().size()];
            tensor.asRawTensor().data().asFloats().read(values);
            return values;
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    private static Operand<TFloat32> constant(Ops tf, float[] values, int rows, int cols) {
        return tf.constant(Shape.of(rows, cols), DataBuffers.of(values, true, false));
    }

    private static float[] uniform(Random random, int size, double limit) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return values;
    }

    private static float[] glorot(Random random, int fanIn, int fanOut) {
        return uniform(random, fanIn * fanOut, Math.sqrt(6.0 / (fanIn + fanOut)));
    }
}
