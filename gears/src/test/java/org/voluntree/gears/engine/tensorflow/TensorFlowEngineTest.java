package org.voluntree.gears.engine.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.TensorSpec;
import org.voluntree.contracts.text.FeaturiserConfig;
import org.voluntree.contracts.text.TextNormaliser;
import org.voluntree.gears.engine.LoadedModel;

class TensorFlowEngineTest {

    private static final int L = 4;
    /** Score table: row i holds the logits that id i adds; row 0 (padding) adds nothing. */
    private static final float[][] TABLE = {{0f, 0f, 0f}, {2f, 0f, 0f}, {0f, 3f, 0f}, {0f, 0f, 1f}, {1f, 1f, -1f}};

    @Test
    void predictsSoftmaxOfSummedRowsForEveryRowOfTheBatch() {
        int[] ids = {1, 0, 0, 0, 2, 3, 0, 0, 4, 4, 1, 2};
        try (TensorFlowEngine engine = new TensorFlowEngine();
                LoadedModel model = engine.load(artifact("ids", "probs"))) {
            float[][] scores = model.predict(ids, 3);

            assertThat(scores).hasDimensions(3, 3);
            for (int row = 0; row < 3; row++) {
                assertThat(scores[row]).containsExactly(expected(ids, row), within(1e-6f));
            }
            assertThat(model.manifest().labelOf(scores[0])).isEqualTo("a");
            assertThat(model.manifest().labelOf(scores[1])).isEqualTo("b");
        }
    }

    @Test
    void concurrentCallersGetTheSameScoresAsOneCaller() throws Exception {
        int rows = 64;
        int[] ids = new int[rows * L];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i * 7) % TABLE.length;
        }
        try (TensorFlowEngine engine = new TensorFlowEngine(1);
                LoadedModel model = engine.load(artifact("ids", "probs"))) {
            float[][] reference = model.predict(ids, rows);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[][]>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(pool.submit(() -> model.predict(ids, rows)));
                }
                for (Future<float[][]> result : results) {
                    assertThat(result.get()).isDeepEqualTo(reference);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void rejectsABatchWhoseSizeDoesNotMatchTheRows() {
        try (TensorFlowEngine engine = new TensorFlowEngine();
                LoadedModel model = engine.load(artifact("ids", "probs"))) {
            assertThatThrownBy(() -> model.predict(new int[L * 2 - 1], 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected 2 × 4 = 8 ids");
            assertThatThrownBy(() -> model.predict(new int[0], 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAManifestThatNamesOpsTheGraphDoesNotHave() {
        try (TensorFlowEngine engine = new TensorFlowEngine()) {
            assertThatThrownBy(() -> engine.load(artifact("ids", "logits")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("output 'logits'");
            assertThatThrownBy(() -> engine.load(artifact("probs", "probs")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("input 'probs' is DT_FLOAT");
        }
    }

    @Test
    void closingTheEngineClosesItsModels() {
        LoadedModel model;
        try (TensorFlowEngine engine = new TensorFlowEngine()) {
            model = engine.load(artifact("ids", "probs"));
            assertThat(engine.name()).isEqualTo("tensorflow");
        }
        assertThatThrownBy(() -> model.predict(new int[L], 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        model.close();
    }

    private static float[] expected(int[] ids, int row) {
        float[] logits = new float[3];
        for (int i = 0; i < L; i++) {
            for (int c = 0; c < 3; c++) {
                logits[c] += TABLE[ids[row * L + i]][c];
            }
        }
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit);
        }
        float[] probs = new float[3];
        for (int c = 0; c < 3; c++) {
            probs[c] = (float) (Math.exp(logits[c]) / sum);
        }
        return probs;
    }

    /** A frozen graph that scores ids by summing rows of {@link #TABLE}, with the manifest naming the given ops. */
    private static ModelArtifact artifact(String inputName, String outputName) {
        byte[] graphDef;
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TInt32> ids = tf.withName("ids").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, L)));
            Operand<TFloat32> rows = tf.gather(tf.constant(TABLE), ids, tf.constant(0));
            Operand<TFloat32> logits = tf.reduceSum(rows, tf.constant(1));
            tf.withName("probs").nn.softmax(logits);
            graphDef = graph.toGraphDef().toByteArray();
        }
        FeaturiserConfig featuriser = new FeaturiserConfig(TextNormaliser.VERSION, TABLE.length, L, false, 0, 0, 1);
        ModelManifest manifest = new ModelManifest(
                "test",
                1,
                "table-sum",
                List.of("a", "b", "c"),
                new TensorSpec(inputName, "INT32", List.of(-1L, (long) L)),
                new TensorSpec(outputName, "FLOAT", List.of(-1L, 3L)),
                featuriser,
                Map.of(),
                List.of(),
                ModelArtifact.sha256(graphDef),
                Instant.parse("2025-01-01T00:00:00Z"));
        return new ModelArtifact(manifest, graphDef);
    }
}
