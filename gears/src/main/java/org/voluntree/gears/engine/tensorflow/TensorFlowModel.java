package org.voluntree.gears.engine.tensorflow;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.gears.engine.LoadedModel;

/**
 * One frozen graph imported into its own {@link Graph} with one {@link Session}.
 *
 * <p>Thread-safety: {@link #predict} may be called by many threads at once (TensorFlow sessions
 * are safe for concurrent runs); {@link #close} waits for running predictions and makes later
 * ones fail.
 */
final class TensorFlowModel implements LoadedModel {

    private final ModelManifest manifest;
    private final Graph graph;
    private final Session session;
    private final String inputName;
    private final String outputName;
    private final int maxFeatures;
    private final int labels;
    private final Consumer<TensorFlowModel> onClose;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private TensorFlowModel(ModelManifest manifest, Graph graph, Session session, Consumer<TensorFlowModel> onClose) {
        this.manifest = manifest;
        this.graph = graph;
        this.session = session;
        this.inputName = manifest.input().name();
        this.outputName = manifest.output().name();
        this.maxFeatures = manifest.featuriser().maxFeatures();
        this.labels = manifest.labels().size();
        this.onClose = onClose;
    }

    static TensorFlowModel load(ModelArtifact artifact, ConfigProto config, Consumer<TensorFlowModel> onClose) {
        ModelManifest manifest = artifact.manifest();
        GraphDef graphDef = parse(artifact);
        Graph graph = new Graph();
        try {
            graph.importGraphDef(graphDef);
            GraphSignature.check(graph, manifest);
            return new TensorFlowModel(manifest, graph, new Session(graph, config), onClose);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static GraphDef parse(ModelArtifact artifact) {
        try {
            return GraphDef.parseFrom(artifact.graph());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    "model " + artifact.manifest().analyzer() + " v"
                            + artifact.manifest().version()
                            + " is not a serialised GraphDef; retrain it with 'model-tools train'",
                    e);
        }
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public float[][] predict(int[] ids, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a batch needs at least one row, was " + rows);
        }
        if (ids.length != rows * maxFeatures) {
            throw new IllegalArgumentException("expected " + rows + " × " + maxFeatures + " = " + rows * maxFeatures
                    + " ids for " + manifest.analyzer() + " v" + manifest.version() + ", got " + ids.length);
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException(manifest.analyzer() + " v" + manifest.version() + " is closed");
            }
            return run(ids, rows);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private float[][] run(int[] ids, int rows) {
        try (TInt32 input = TInt32.tensorOf(Shape.of(rows, maxFeatures), DataBuffers.of(ids, true, false));
                Result result = session.runner()
                        .feed(inputName, input)
                        .fetch(outputName)
                        .run()) {
            TFloat32 output = (TFloat32) result.get(0);
            long[] shape = output.shape().asArray();
            if (shape.length != 2 || shape[0] != rows || shape[1] != labels) {
                throw new IllegalStateException(manifest.analyzer() + " v" + manifest.version() + " returned shape "
                        + output.shape() + " but its manifest promises [" + rows + ", " + labels + "]");
            }
            float[] flat = new float[rows * labels];
            output.asRawTensor().data().asFloats().read(flat);
            float[][] scores = new float[rows][labels];
            for (int row = 0; row < rows; row++) {
                System.arraycopy(flat, row * labels, scores[row], 0, labels);
            }
            return scores;
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            session.close();
            graph.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "TensorFlowModel[" + manifest.analyzer() + " v" + manifest.version() + "]";
    }

    /** The ops a manifest names, checked against the imported graph. */
    private static final class GraphSignature {

        static void check(Graph graph, ModelManifest manifest) {
            expect(graph, manifest, manifest.input().name(), DataType.DT_INT32, "input");
            expect(graph, manifest, manifest.output().name(), DataType.DT_FLOAT, "output");
        }

        private static void expect(Graph graph, ModelManifest manifest, String name, DataType type, String role) {
            GraphOperation op = graph.operation(name);
            String model = manifest.analyzer() + " v" + manifest.version();
            if (op == null) {
                throw new IllegalArgumentException(model + " names " + role + " '" + name
                        + "' but its graph has no such operation; the manifest does not belong to this graph");
            }
            DataType actual = op.output(0).dataType();
            if (actual != type) {
                throw new IllegalArgumentException(
                        model + " " + role + " '" + name + "' is " + actual + ", expected " + type);
            }
        }
    }
}
