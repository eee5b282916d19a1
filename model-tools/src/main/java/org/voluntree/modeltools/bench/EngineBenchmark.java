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
import org.voluntree.modeltools.ExitCodes;

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

    /**
     * The positional arguments, each within the values it takes.
     *
     * @param seconds how long each batch size is measured, more than 0
     * @param callers threads calling the model at once, 1 or more
     * @param threadsPerOperation TensorFlow's threads for one operation, 0 for all cores
     */
    record Arguments(Path modelDir, Path texts, double seconds, int callers, int threadsPerOperation) {

        static final String USAGE =
                "EngineBenchmark [MODEL_DIR=models/intent] [TEXTS_TSV] [SECONDS_PER_POINT=3] [CALLERS=1]"
                        + " [THREADS_PER_OP=1, 0 = all cores]";

        /** The arguments as given; a value out of its range is an {@link IllegalArgumentException} naming it. */
        static Arguments of(String... args) {
            double seconds = args.length > 2 ? number("SECONDS_PER_POINT", args[2]) : 3;
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("SECONDS_PER_POINT must be more than 0, was " + args[2]);
            }
            int callers = args.length > 3 ? whole("CALLERS", args[3]) : 1;
            if (callers < 1) {
                throw new IllegalArgumentException("CALLERS must be 1 or more, was " + callers);
            }
            int threadsPerOperation = args.length > 4 ? whole("THREADS_PER_OP", args[4]) : 1;
            if (threadsPerOperation < 0) {
                throw new IllegalArgumentException(
                        "THREADS_PER_OP must be 0 (all cores) or more, was " + threadsPerOperation);
            }
            return new Arguments(
                    Path.of(args.length > 0 ? args[0] : "models/intent"),
                    args.length > 1 ? Path.of(args[1]) : null,
                    seconds,
                    callers,
                    threadsPerOperation);
        }

        private static double number(String name, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was " + value);
            }
        }

        private static int whole(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was " + value);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.of(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: " + Arguments.USAGE);
            System.exit(ExitCodes.USAGE);
            return;
        }
        Path modelDir = arguments.modelDir();
        Path texts = arguments.texts();
        double seconds = arguments.seconds();
        int callers = arguments.callers();
        int threadsPerOperation = arguments.threadsPerOperation();
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
