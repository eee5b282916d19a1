package org.voluntree.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples the pipeline every 100 ms on a thread of its own while a run goes on, and prints a
 * progress line every two seconds.
 */
final class ProgressSampler implements AutoCloseable {

    private final PipelineProbe probe;
    private final PipelineProbe.Sample baseline;
    private final LongSupplier accepted;
    private final String label;
    private final List<PipelineProbe.Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ProgressSampler(PipelineProbe probe, String label, LongSupplier accepted) {
        this.probe = probe;
        this.label = label;
        this.accepted = accepted;
        this.baseline = probe.sample();
        this.thread = new Thread(this::run, "bench-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    PipelineProbe.Sample baseline() {
        return baseline;
    }

    private void run() {
        long lastPrint = System.nanoTime();
        while (running) {
            PipelineProbe.Sample sample;
            try {
                sample = probe.sample();
            } catch (RuntimeException e) {
                if (!running) {
                    return; // interrupted by close() in the middle of a command
                }
                throw e;
            }
            synchronized (samples) {
                samples.add(sample);
            }
            if (sample.atNanos() - lastPrint >= 2_000_000_000L) {
                lastPrint = sample.atNanos();
                PipelineBenchmark.say(
                        "  %-22s accepted %6d | q:preprocess %6d | featurised %6d | gear backlog %6d"
                                + " (pending %4d) | writer backlog %6d (pending %4d) | in PostgreSQL %6d | q:reply %6d",
                        label,
                        accepted.getAsLong(),
                        sample.queued(),
                        sample.featurised() - baseline.featurised(),
                        sample.gearBacklog(),
                        sample.gearPending(),
                        sample.writerBacklog(),
                        sample.writerPending(),
                        sample.stored() - baseline.stored(),
                        sample.replyJobs());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until PostgreSQL holds {@code expected} more classified messages than at the start, or the timeout passes. */
    PipelineProbe.Sample awaitStored(long expected, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            PipelineProbe.Sample last = last();
            if (last != null && last.stored() - baseline.stored() >= expected) {
                return last;
            }
            AppProcess.sleep(20);
        }
        return last();
    }

    PipelineProbe.Sample last() {
        synchronized (samples) {
            return samples.isEmpty() ? null : samples.get(samples.size() - 1);
        }
    }

    List<PipelineProbe.Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
