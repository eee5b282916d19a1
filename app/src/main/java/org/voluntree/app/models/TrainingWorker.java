package org.voluntree.app.models;

import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.modeltools.ModelTools;
import org.voluntree.modeltools.cli.DefaultTraining;
import org.voluntree.modeltools.data.Analyzer;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.PermanentFailure;
import picocli.CommandLine;

/**
 * Runs one training job: exactly the {@code model-tools train} command of the analyzer's default
 * model (same data, same defaults as {@code model-tools retrain}, see {@link DefaultTraining}), its
 * progress lines copied into the job's state as they come, then the frozen model loaded into the
 * registry as a new version — not activated: an admin activates it after reading its metrics.
 */
class TrainingWorker implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final TrainingJobs jobs;
    private final TrainingProperties properties;
    private final ModelRegistry registry;

    TrainingWorker(TrainingJobs jobs, TrainingProperties properties, StatefulRedisConnection<String, byte[]> redis) {
        this.jobs = jobs;
        this.properties = properties;
        this.registry = new ModelRegistry(redis.sync());
    }

    @Override
    public void handle(byte[] item) {
        String id = new String(item, StandardCharsets.UTF_8).strip();
        Map<String, String> job = jobs.status(id).orElseThrow(() -> PermanentFailure.because("unknown training job"));
        String analyzer = job.get("analyzer");
        try {
            train(id, analyzer);
        } finally {
            jobs.finished(id, analyzer);
        }
    }

    private void train(String id, String analyzer) {
        Path out = properties.workFolder().resolve(id);
        List<String> arguments;
        try {
            arguments = arguments(analyzer, out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            fail(id, e.getMessage());
            return;
        }
        jobs.started(id, analyzer);
        log.info("Training job {} for {} started", id, analyzer);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "training-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = jobs.heartbeatEvery().toMillis();
        heartbeat.scheduleAtFixedRate(() -> beat(id, analyzer), every, every, TimeUnit.MILLISECONDS);
        ProgressWriter progress = new ProgressWriter(id);
        CommandLine command = ModelTools.commandLine();
        command.setOut(new PrintWriter(progress, true));
        command.setErr(new PrintWriter(progress, true));
        try {
            int exit = command.execute(arguments.toArray(String[]::new));
            if (exit != 0) {
                fail(id, "training failed (exit " + exit + "): " + progress.last());
                return;
            }
            ModelArtifact artifact = ModelArtifact.readFrom(out);
            int version = registry.store(artifact);
            jobs.update(
                    id,
                    Map.of(
                            "status",
                            "succeeded",
                            "finishedAt",
                            Instant.now().toString(),
                            "version",
                            Integer.toString(version),
                            "progress",
                            "stored as " + analyzer + " v" + version + ", not activated",
                            "metrics",
                            new String(Json.write(artifact.manifest().metrics()), StandardCharsets.UTF_8),
                            "next",
                            "activate it on the settings page or with 'model-tools activate " + analyzer + " " + version
                                    + "'"));
            log.info("Training job {} stored {} v{} (not activated)", id, analyzer, version);
        } catch (RuntimeException e) {
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            stop(heartbeat);
            deleteQuietly(out);
        }
    }

    /** Waits for a beat under way, so that none renews the hold after the job has let go of it. */
    private static void stop(ScheduledExecutorService heartbeat) {
        heartbeat.shutdown();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A missed beat is not fatal (the lease outlives a few); the next one may reach Redis again. */
    private void beat(String id, String analyzer) {
        try {
            jobs.heartbeat(id, analyzer);
        } catch (RuntimeException e) {
            log.warn("Training job {}: heartbeat failed: {}", id, e.toString());
        }
    }

    /** The job's folder: the registry holds the model now (or training failed and left nothing to keep). */
    private static void deleteQuietly(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Could not delete the training folder {}: {}", folder, e.toString());
        }
    }

    private void fail(String id, String reason) {
        jobs.update(id, Map.of("status", "failed", "finishedAt", Instant.now().toString(), "error", reason));
        log.warn("Training job {} failed: {}", id, reason);
    }

    /** The train invocation of the analyzer's default model, as {@code model-tools retrain} runs it. */
    private List<String> arguments(String analyzer, Path out) {
        Analyzer target = Analyzer.named(analyzer);
        try {
            return new DefaultTraining(properties.sharedFolder(), properties.intentFolder(), properties.offenseFolder())
                    .trainArguments(target, out);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(
                    "training data not found at " + e.getCause().getMessage()
                            + "; set VOLUNTREE_TRAINING_INTENT_DATA / _OFFENSE_DATA / _SHARED_DATA",
                    e);
        }
    }

    /** Copies each line the command prints into the job's {@code progress}. */
    private final class ProgressWriter extends Writer {

        private final String id;
        private final StringBuilder line = new StringBuilder();
        private volatile String last = "";

        ProgressWriter(String id) {
            this.id = id;
        }

        @Override
        public synchronized void write(char[] chars, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (chars[i] == '\n') {
                    last = line.toString().strip();
                    line.setLength(0);
                    if (!last.isEmpty()) {
                        jobs.update(id, Map.of("progress", last));
                    }
                } else {
                    line.append(chars[i]);
                }
            }
        }

        String last() {
            return last;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
