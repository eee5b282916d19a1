package org.voluntree.app.bench;

import java.util.Map;

/**
 * The web role alone (nothing drains {@code q:preprocess}): how many deliveries and events the
 * webhook accepts per second, and how long it takes to answer.
 */
final class WebhookOnlyRun {

    record Result(
            String label,
            int entriesPerDelivery,
            int senders,
            long deliveries,
            long events,
            double seconds,
            Percentiles response,
            long failures,
            long queued,
            Map<String, Double> cpu) {

        double deliveriesPerSecond() {
            return deliveries / seconds;
        }

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final CommentCorpus corpus;
    private final PipelineProbe probe;
    private int runs;

    WebhookOnlyRun(CommentCorpus corpus, PipelineProbe probe) {
        this.corpus = corpus;
        this.probe = probe;
    }

    Result run(AppProcess app, CpuAccounting cpu, String label, int deliveries, int entriesPerDelivery, int senders) {
        try (WebhookLoad load = new WebhookLoad(app.port())) {
            // warm-up: a tenth of the deliveries, not counted
            load.burst(
                    SignedDelivery.of(
                            GearConfigRun.PAGE,
                            corpus.comments("ww" + (runs++), Math.max(1, deliveries / 10) * entriesPerDelivery),
                            entriesPerDelivery),
                    senders);
            load.reset();
            long queuedBefore = probe.sample().queued();
            var bodies = SignedDelivery.of(
                    GearConfigRun.PAGE,
                    corpus.comments("wo" + (runs++), deliveries * entriesPerDelivery),
                    entriesPerDelivery);
            CpuAccounting.Snapshot before = cpu.snapshot();
            long start = System.nanoTime();
            load.burst(bodies, senders);
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuAccounting.Snapshot after = cpu.snapshot();
            long queued = probe.sample().queued() - queuedBefore;
            Result result = new Result(
                    label,
                    entriesPerDelivery,
                    senders,
                    load.acceptedDeliveries(),
                    load.acceptedEvents(),
                    seconds,
                    load.responseTimes(),
                    load.failures(),
                    queued,
                    CpuAccounting.coresUsed(before, after));
            PipelineBenchmark.say(
                    "[webhook only] %s: %.0f deliveries/s, %.0f events/s over %.1f s; response %s;"
                            + " %d failures; %d events on q:preprocess",
                    label,
                    result.deliveriesPerSecond(),
                    result.eventsPerSecond(),
                    seconds,
                    result.response().summary(),
                    result.failures(),
                    queued);
            PipelineBenchmark.say(
                    "[webhook only] %s: CPU cores used %s", label, PipelineBenchmark.formatCpu(result.cpu()));
            return result;
        }
    }
}
