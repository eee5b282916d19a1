package org.voluntree.modeltools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.gears.engine.LoadedModel;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;

/**
 * Measures the embedded engine's throughput (rows/s) by batch size and the process memory.
 * Featurisation is done once up front: this measures the engine, not the featuriser.
 *
 * <pre>java -cp model-tools/target/voluntree-model-tools-*.jar org.voluntree.modeltools.bench.EngineBenchmark \
 *     [MODEL_DIR=models/intent] [TEXTS_TSV] [SECONDS_PER_POINT=3] [CALLERS=1] [THREADS_PER_OP=1, 0 = all cores]</pre>
 */
public final class EngineBenchmark {

    private static final int[] BATCHES = {1, 32, 256, 1024};

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args.length > 0 ? args[0] : "models/intent");
        Path texts = args.length > 1 ? Path.of(args[1]) : null;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        int callers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int threadsPerOperation = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        ModelArtifact artifact = ModelArtifact.readFrom(modelDir);
        HashingFeaturiser featuriser = new HashingFeaturiser(artifact.manifest().featuriser());
        List<int[]> rows = featurised(featuriser, texts);
        int width = featuriser.config().maxFeatures();
        System.out.printf(
                Locale.ROOT,
                "model %s (%s, %d bytes), %d distinct messages, %d ids a row, %d caller(s), "
                        + "%d thread(s) per op, %d cores%n",
                modelDir,
                artifact.manifest().family(),
                artifact.graph().length,
                rows.size(),
                width,
                callers,
                threadsPerOperation,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "RSS before loading: %s%n", Memory.summary());
        System.out.println("| batch | rows/s | µs per batch |");
        System.out.println("|---:|---:|---:|");
        try (TensorFlowEngine engine = new TensorFlowEngine(threadsPerOperation);
                LoadedModel model = engine.load(artifact)) {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                for (int batch : BATCHES) {
                    int[] ids = batchOf(rows, batch, width);
                    run(pool, model, ids, batch, callers, Math.min(1.0, seconds / 2));
                    long[] result = run(pool, model, ids, batch, callers, seconds);
                    double elapsed = result[1] / 1e9;
                    System.out.printf(
                            Locale.ROOT,
                            "| %d | %,.0f | %.1f |%n",
                            batch,
                            result[0] * batch / elapsed,
                            elapsed * 1e6 * callers / result[0]);
                }
            } finally {
                pool.shutdown();
            }
            System.out.printf(Locale.ROOT, "RSS with the model loaded after the run: %s%n", Memory.summary());
        }
    }

    /** Runs predictions for about {@code seconds}; returns {batches, nanos}. */
    private static long[] run(
            ExecutorService pool, LoadedModel model, int[] ids, int batch, int callers, double seconds)
            throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<Future<Long>> futures = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            futures.add(pool.submit(() -> {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    model.predict(ids, batch);
                    done++;
                }
                return done;
            }));
        }
        long batches = 0;
        for (Future<Long> future : futures) {
            batches += future.get();
        }
        return new long[] {batches, System.nanoTime() - start};
    }

    private static int[] batchOf(List<int[]> rows, int batch, int width) {
        int[] ids = new int[batch * width];
        for (int r = 0; r < batch; r++) {
            System.arraycopy(rows.get(r % rows.size()), 0, ids, r * width, width);
        }
        return ids;
    }

    private static List<int[]> featurised(HashingFeaturiser featuriser, Path texts) throws IOException {
        List<String> messages = new ArrayList<>();
        if (texts != null) {
            for (String line : Files.readAllLines(texts)) {
                if (line.equals("label\ttext")) {
                    continue; // a corpus file's header
                }
                int tab = line.indexOf('\t');
                messages.add(tab < 0 ? line : line.substring(tab + 1));
            }
        } else {
            messages.addAll(List.of(
                    "count me in for saturday!",
                    "how do I sign up?",
                    "what should I bring",
                    "do I need a background check to help with the kids",
                    "can I donate instead? do you take paypal",
                    "thank you all so much, amazing work ❤️",
                    "lol @maria look at this",
                    "I can help Sunday morning",
                    "is there parking near the beach? and what time does the cleanup start",
                    "can't make it sorry"));
        }
        List<int[]> rows = new ArrayList<>();
        for (String message : messages) {
            rows.add(featuriser.featurise(message));
        }
        return rows;
    }
}
