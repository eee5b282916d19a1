package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.TensorSpec;
import org.voluntree.contracts.text.FeaturiserConfig;
import org.voluntree.contracts.text.TextNormaliser;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;

/** The training graph's options against the frozen graph, on random ids (no data set needed). */
class EmbeddingBagNetworkTest {

    private static final int WIDTH = 8;
    private static final int ROWS = 300;
    private static final FeaturiserConfig TINY =
            new FeaturiserConfig(TextNormaliser.VERSION, 64, WIDTH, false, 0, 0, 1);

    /** Random messages of 1..WIDTH ids; the label follows whether id 7 occurs, so there is something to learn. */
    private static int[] ids(Random random) {
        int[] ids = new int[ROWS * WIDTH];
        for (int r = 0; r < ROWS; r++) {
            int length = 1 + random.nextInt(WIDTH);
            for (int k = 0; k < length; k++) {
                ids[r * WIDTH + k] = 1 + random.nextInt(63);
            }
        }
        return ids;
    }

    private static int[] labels(int[] ids) {
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            for (int k = 0; k < WIDTH; k++) {
                if (ids[r * WIDTH + k] == 7) {
                    labels[r] = 1;
                }
            }
        }
        return labels;
    }

    private static TrainingConfig config() {
        return new TrainingConfig(TINY, 8, 0, 1, 16, 0.01f, 0, 3, null);
    }

    private static ModelWeights train(TrainingConfig config, int epochs, float[] classWeights) {
        int[] ids = ids(new Random(11));
        int[] order = IntStream.range(0, ROWS).toArray();
        try (EmbeddingBagNetwork network = new EmbeddingBagNetwork(config, 2)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                network.trainEpoch(ids, labels(ids), order, classWeights);
            }
            return network.weights();
        }
    }

    private static double squaredNorm(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Pooling.class)
    void theFrozenGraphPoolsLikeTheTrainingGraph(Pooling pooling) {
        TrainingConfig config = config().withPooling(pooling).withL2(1e-3);
        int[] ids = ids(new Random(12));
        int[] order = IntStream.range(0, ROWS).toArray();
        try (EmbeddingBagNetwork network = new EmbeddingBagNetwork(config, 2)) {
            network.trainEpoch(ids, labels(ids), order, new float[] {1f, 1f});
            float[][] expected = network.predict(ids, ROWS);
            ModelWeights weights = network.weights();
            assertThat(weights.pooling()).isEqualTo(pooling);
            byte[] graph = FrozenGraph.build(weights, WIDTH);
            ModelArtifact artifact = new ModelArtifact(
                    new ModelManifest(
                            "sentiment",
                            0,
                            config.family(),
                            List.of("negative", "positive"),
                            new TensorSpec("ids", "INT32", List.of(-1L, (long) WIDTH)),
                            new TensorSpec("probs", "FLOAT", List.of(-1L, 2L)),
                            TINY,
                            null,
                            null,
                            ModelArtifact.sha256(graph),
                            Instant.now()),
                    graph);
            float[][] java = weights.probabilities(ids, ROWS, WIDTH);
            try (TensorFlowEngine engine = new TensorFlowEngine();
                    LoadedModel frozen = engine.load(artifact)) {
                float[][] actual = frozen.predict(ids, ROWS);
                for (int r = 0; r < ROWS; r++) {
                    assertThat(actual[r]).containsExactly(expected[r], within(1e-5f));
                    assertThat(java[r]).containsExactly(expected[r], within(1e-5f));
                }
            }
        }
    }

    @Test
    void naiveBayesWeightsAreFoldedIntoTheTableTheFrozenGraphServes() {
        TrainingConfig config = config().withPooling(Pooling.SQRT).withNbScaling("positive");
        int[] ids = ids(new Random(13));
        int[] labels = labels(ids);
        Featurised data = new Featurised(ids, labels, WIDTH);
        int[] order = IntStream.range(0, ROWS).toArray();
        float[] idWeights = NaiveBayesScaling.weights(data, order, 1, TINY.buckets());
        try (EmbeddingBagNetwork network = new EmbeddingBagNetwork(config, 2, idWeights)) {
            network.trainEpoch(ids, labels, order, new float[] {1f, 1f});
            float[][] expected = network.predict(ids, ROWS);

            float[][] folded = network.weights().probabilities(ids, ROWS, WIDTH);

            for (int r = 0; r < ROWS; r++) {
                assertThat(folded[r]).containsExactly(expected[r], within(1e-5f));
            }
        }
    }

    @Test
    void anL2PenaltyKeepsTheWeightsSmaller() {
        ModelWeights free = train(config(), 5, new float[] {1f, 1f});
        ModelWeights penalised = train(config().withL2(0.05), 5, new float[] {1f, 1f});

        assertThat(squaredNorm(penalised.embedding())).isLessThan(0.5 * squaredNorm(free.embedding()));
        assertThat(squaredNorm(penalised.outputWeights())).isLessThan(squaredNorm(free.outputWeights()));
    }

    @Test
    void aLabelWeightedTwiceAsMuchGetsTwoThirdsOfAnUndecidableMessage() {
        // the same message, labelled 0 half the time and 1 the other half: weighting label 0's
        // loss by 2 makes p(0) = 2/3 the best answer. (A weight applied to the one-hot target
        // instead never settles, because TensorFlow's gradient is softmax − target: p(0) → 1.)
        int[] ids = new int[ROWS * WIDTH];
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            ids[r * WIDTH] = 5;
            labels[r] = r % 2;
        }
        int[] order = IntStream.range(0, ROWS).toArray();
        try (EmbeddingBagNetwork network = new EmbeddingBagNetwork(config(), 2)) {
            for (int epoch = 0; epoch < 30; epoch++) {
                network.trainEpoch(ids, labels, order, new float[] {2f, 1f});
            }
            assertThat(network.predict(ids, 1)[0][0]).isCloseTo(2f / 3, within(0.02f));
        }
    }
}
