package org.voluntree.app.bench;

import java.util.List;

/**
 * What the samples of one run say about the stages: when each stage had handled all of the run's
 * messages, and how many messages waited in front of each stage (mean and peak). Messages pile up
 * in front of the slowest stage.
 */
record StageTimeline(
        double featurisedAtS,
        double classifiedAtS,
        double storedAtS,
        Backlog queue,
        Backlog gear,
        Backlog writer,
        double preprocessRate,
        double gearRate,
        double writerRate) {

    /** A stage counts as busy between two samples when more than this many messages wait in front of it. */
    private static final long BUSY = 50;

    record Backlog(double mean, long max) {}

    static StageTimeline of(
            List<PipelineProbe.Sample> samples, PipelineProbe.Sample baseline, long startNanos, long expected) {
        double featurised = Double.NaN;
        double classified = Double.NaN;
        double stored = Double.NaN;
        double queueSum = 0;
        double gearSum = 0;
        double writerSum = 0;
        long queueMax = 0;
        long gearMax = 0;
        long writerMax = 0;
        int counted = 0;
        double[] busyOutput = new double[3];
        double[] busySeconds = new double[3];
        PipelineProbe.Sample previous = null;
        for (PipelineProbe.Sample s : samples) {
            if (previous != null) {
                double dt = (s.atNanos() - previous.atNanos()) / 1e9;
                long[] waiting = {previous.queued(), previous.gearBacklog(), previous.writerBacklog()};
                long[] output = {
                    s.featurised() - previous.featurised(),
                    s.classified() - previous.classified(),
                    s.stored() - previous.stored()
                };
                for (int stage = 0; stage < 3; stage++) {
                    if (waiting[stage] > BUSY) {
                        busyOutput[stage] += output[stage];
                        busySeconds[stage] += dt;
                    }
                }
            }
            previous = s;
            double at = (s.atNanos() - startNanos) / 1e9;
            if (Double.isNaN(featurised) && s.featurised() - baseline.featurised() >= expected) {
                featurised = at;
            }
            if (Double.isNaN(classified) && s.classified() - baseline.classified() >= expected) {
                classified = at;
            }
            if (Double.isNaN(stored) && s.stored() - baseline.stored() >= expected) {
                stored = at;
            }
            if (s.atNanos() >= startNanos && Double.isNaN(stored)) {
                queueSum += s.queued();
                gearSum += s.gearBacklog();
                writerSum += s.writerBacklog();
                queueMax = Math.max(queueMax, s.queued());
                gearMax = Math.max(gearMax, s.gearBacklog());
                writerMax = Math.max(writerMax, s.writerBacklog());
                counted++;
            }
        }
        int n = Math.max(1, counted);
        return new StageTimeline(
                featurised,
                classified,
                stored,
                new Backlog(queueSum / n, queueMax),
                new Backlog(gearSum / n, gearMax),
                new Backlog(writerSum / n, writerMax),
                rate(busyOutput[0], busySeconds[0]),
                rate(busyOutput[1], busySeconds[1]),
                rate(busyOutput[2], busySeconds[2]));
    }

    /** Messages per second while busy; NaN when the stage never had a backlog (it kept up). */
    private static double rate(double output, double seconds) {
        return seconds < 0.5 ? Double.NaN : output / seconds;
    }

    /**
     * The slowest stage: the one with the lowest throughput while it had a backlog. A stage that
     * never had one kept up and is not the bottleneck.
     */
    String bottleneck() {
        String slowest = "none (no stage had a backlog)";
        double lowest = Double.MAX_VALUE;
        String[] names = {"preprocess", "gear", "writer"};
        double[] rates = {preprocessRate, gearRate, writerRate};
        for (int i = 0; i < 3; i++) {
            if (!Double.isNaN(rates[i]) && rates[i] < lowest) {
                lowest = rates[i];
                slowest = names[i];
            }
        }
        return slowest;
    }

    String busyRates() {
        return String.format("%s / %s / %s", format(preprocessRate), format(gearRate), format(writerRate));
    }

    private static String format(double rate) {
        return Double.isNaN(rate) ? "kept up" : String.format("%.0f", rate);
    }

    String backlogs() {
        return String.format(
                "waiting: q:preprocess mean %.0f max %d | gear mean %.0f max %d | writer mean %.0f max %d;"
                        + " msg/s while busy: preprocess / gear / writer %s",
                queue.mean(), queue.max(), gear.mean(), gear.max(), writer.mean(), writer.max(), busyRates());
    }
}
