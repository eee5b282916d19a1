package org.voluntree.modeltools.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.voluntree.contracts.text.FeaturiserConfig;
import org.voluntree.contracts.text.TextNormaliser;
import org.voluntree.modeltools.testing.SharedData;

/**
 * RedisAI 1.2 runs frozen graphs on TensorFlow 2.8, older than the TensorFlow Java that trains them:
 * every graph we freeze — the committed defaults and a fresh one of each shape the trainer can build —
 * may only use ops that 2.8 has, and must not ask for a newer consumer.
 */
class FrozenGraphOpsTest {

    /**
     * The ops the graph builder emits, each of which TensorFlow 2.8 has (all date from 1.x). A new op
     * belongs here only after checking that 2.8 runs it (docs/redisai.md).
     */
    static final Set<String> TENSORFLOW_2_8_OPS = Set.of(
            "Placeholder",
            "Const",
            "GatherV2",
            "NotEqual",
            "Cast",
            "Sum",
            "Maximum",
            "Sqrt",
            "RealDiv",
            "MatMul",
            "BiasAdd",
            "Relu",
            "Softmax",
            "Mul",
            "Add");

    @ParameterizedTest
    @ValueSource(strings = {"intent", "sentiment", "offense"})
    void theCommittedDefaultModelsUseOnlyOpsThatTensorFlow28Has(String analyzer) throws IOException {
        byte[] graph = Files.readAllBytes(SharedData.repository().resolve(Path.of("models", analyzer, "model.pb")));

        assertCompatible(graph);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void freshlyFrozenGraphsOfEveryPoolingUseOnlyThoseOps(int hiddenUnits) {
        int width = 6;
        FeaturiserConfig featuriser = new FeaturiserConfig(TextNormaliser.VERSION, 32, width, false, 0, 0, 1);
        for (Pooling pooling : Pooling.values()) {
            TrainingConfig config =
                    new TrainingConfig(featuriser, 4, hiddenUnits, 1, 8, 0.01f, 0, 3, null).withPooling(pooling);
            Random random = new Random(5);
            int rows = 40;
            int[] ids = IntStream.range(0, rows * width)
                    .map(i -> i % width < 3 ? 1 + random.nextInt(31) : 0)
                    .toArray();
            int[] labels = IntStream.range(0, rows).map(r -> r % 2).toArray();
            try (EmbeddingBagNetwork network = new EmbeddingBagNetwork(config, 2)) {
                network.trainEpoch(ids, labels, IntStream.range(0, rows).toArray(), new float[] {1f, 1f});
                assertCompatible(FrozenGraph.build(network.weights(), width));
            }
        }
    }

    /** A linear model shares one table with its detector; one with a hidden layer gathers twice. */
    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void aGraphWithAnOrHeadUsesOnlyThoseOps(int hiddenUnits) {
        int width = 6;
        FeaturiserConfig featuriser = new FeaturiserConfig(TextNormaliser.VERSION, 32, width, false, 0, 0, 1);
        TrainingConfig config =
                new TrainingConfig(featuriser, 3, hiddenUnits, 1, 8, 0.01f, 0, 3, null).withPooling(Pooling.SQRT);
        int rows = 40;
        int[] ids = IntStream.range(0, rows * width)
                .map(i -> i % width < 3 ? 1 + i % 31 : 0)
                .toArray();
        try (EmbeddingBagNetwork model = new EmbeddingBagNetwork(config, 3);
                EmbeddingBagNetwork detector =
                        new EmbeddingBagNetwork(config.withHiddenUnits(0).withEmbeddingDim(2), 2)) {
            model.trainEpoch(
                    ids,
                    IntStream.range(0, rows).map(r -> r % 3).toArray(),
                    IntStream.range(0, rows).toArray(),
                    new float[] {1f, 1f, 1f});
            detector.trainEpoch(
                    ids,
                    IntStream.range(0, rows).map(r -> r % 2).toArray(),
                    IntStream.range(0, rows).toArray(),
                    new float[] {1f, 1f});
            OrHead head = new OrHead(detector.weights(), 1, 2);

            assertCompatible(FrozenGraph.build(model.weights(), Optional.of(head), width));
        }
    }

    private static void assertCompatible(byte[] bytes) {
        GraphDef graph;
        try {
            graph = GraphDef.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("not a GraphDef", e);
        }
        Set<String> ops = new TreeSet<>();
        for (NodeDef node : graph.getNodeList()) {
            ops.add(node.getOp());
        }
        assertThat(ops).as("ops of the frozen graph").isSubsetOf(TENSORFLOW_2_8_OPS);
        assertThat(graph.getVersions().getMinConsumer())
                .as("a graph any TensorFlow consumer may read")
                .isZero();
        assertThat(graph.getLibrary().getFunctionCount())
                .as("no function library (a frozen graph is plain nodes)")
                .isZero();
    }
}
