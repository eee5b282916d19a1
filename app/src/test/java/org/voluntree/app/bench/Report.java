package org.voluntree.app.bench;

import java.util.List;

/** The final tables, in Markdown (printed, and pasted into docs/benchmarks.md). */
final class Report {

    private Report() {}

    static String render(
            PipelineBenchmark.Settings settings,
            List<WebhookOnlyRun.Result> webhookOnly,
            List<GearConfigRun.Result> pipeline,
            String cpuModel,
            String loadAverage,
            double totalSeconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "Machine: %d cores, %s, Java %s; load average at the end: %s; run took %.0f s.%n%n",
                Runtime.getRuntime().availableProcessors(),
                cpuModel,
                System.getProperty("java.version"),
                loadAverage,
                totalSeconds));
        if (!webhookOnly.isEmpty()) {
            out.append("### Webhook only (web role, queue not drained)\n\n");
            out.append("| load | deliveries/s | events/s | response p50 | p95 | p99 | max | failures |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (WebhookOnlyRun.Result r : webhookOnly) {
                out.append(String.format(
                        "| %s | %.0f | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |%n",
                        r.label(),
                        r.deliveriesPerSecond(),
                        r.eventsPerSecond(),
                        r.response().p50(),
                        r.response().p95(),
                        r.response().p99(),
                        r.response().max(),
                        r.failures()));
            }
            out.append('\n');
        }
        if (!pipeline.isEmpty()) {
            out.append(String.format(
                    "### Whole pipeline (all roles in one process), %d comments in deliveries of %d"
                            + " entries, %d senders; latency over %d s at each rate, %d entries per delivery%n%n",
                    settings.comments(),
                    settings.entriesPerDelivery(),
                    settings.senders(),
                    settings.latencySeconds(),
                    settings.latencyEntriesPerDelivery()));
            out.append("| gear batch : max wait | sustained msg/s | all stored after | bottleneck"
                    + " (msg/s while busy: preprocess / gear / writer)"
                    + " | latency @ " + settings.lowRate() + "/s p50 / p95 / p99"
                    + " | latency @ " + settings.highRate() + "/s p50 / p95 / p99 | missing |\n");
            out.append("|---|---:|---:|---|---:|---:|---:|\n");
            for (GearConfigRun.Result r : pipeline) {
                GearConfigRun.Throughput t = r.throughput();
                StageTimeline tl = t.timeline();
                out.append(String.format(
                        "| %s | **%.0f** | %.1f s | %s (%s) | %s | %s | %s |%n",
                        r.name().replace("gear ", ""),
                        t.perSecond(),
                        t.seconds(),
                        tl.bottleneck(),
                        tl.busyRates(),
                        latency(r.latencies().get(0)),
                        latency(r.latencies().get(1)),
                        r.latencies().stream()
                                        .mapToInt(GearConfigRun.Latency::missing)
                                        .sum()
                                + (t.messages() - t.liveEvents() > 0
                                        ? " (+" + (t.messages() - t.liveEvents())
                                                + " live events lost in the throughput run)"
                                        : "")));
            }
            out.append(
                    "\nMsg/s while busy = a stage's output rate over the samples in which more than 50 messages"
                            + " waited in front of it (q:preprocess; s:comments lag + pending; s:classified lag + pending);"
                            + " \"kept up\" = never had such a backlog. The bottleneck is the busy stage with the lowest rate.\n\n");
            out.append("### Messages waiting in front of each stage during the throughput runs (mean / max)\n\n");
            out.append("| gear batch : max wait | q:preprocess | s:comments (gear) | s:classified (writer) |\n");
            out.append("|---|---:|---:|---:|\n");
            for (GearConfigRun.Result r : pipeline) {
                StageTimeline tl = r.throughput().timeline();
                out.append(String.format(
                        "| %s | %.0f / %d | %.0f / %d | %.0f / %d |%n",
                        r.name().replace("gear ", ""),
                        tl.queue().mean(),
                        tl.queue().max(),
                        tl.gear().mean(),
                        tl.gear().max(),
                        tl.writer().mean(),
                        tl.writer().max()));
            }
            out.append('\n');
            out.append("### Stage timeline of the throughput runs (seconds after the first delivery)\n\n");
            out.append("| gear batch : max wait | all accepted | all featurised | all classified | all stored"
                    + " | threads started per message |\n|---|---:|---:|---:|---:|---:|\n");
            for (GearConfigRun.Result r : pipeline) {
                GearConfigRun.Throughput t = r.throughput();
                out.append(String.format(
                        "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                        r.name().replace("gear ", ""),
                        t.acceptedAtS(),
                        t.timeline().featurisedAtS(),
                        t.timeline().classifiedAtS(),
                        t.timeline().storedAtS(),
                        t.threadsPerMessage()));
            }
            out.append("\n### CPU during the throughput runs (cores; the machine has ")
                    .append(Runtime.getRuntime().availableProcessors())
                    .append(")\n\n");
            for (GearConfigRun.Result r : pipeline) {
                out.append("- **")
                        .append(r.name())
                        .append("**: ")
                        .append(PipelineBenchmark.formatCpu(r.throughput().cpu()))
                        .append('\n');
            }
            for (WebhookOnlyRun.Result r : webhookOnly) {
                out.append("- **webhook only, ")
                        .append(r.label())
                        .append("**: ")
                        .append(PipelineBenchmark.formatCpu(r.cpu()))
                        .append('\n');
            }
            out.append("\n### Backlogs during the latency runs (mean / max messages waiting)\n\n");
            out.append(
                    "| gear batch : max wait | rate | sent at | q:preprocess | gear | writer | webhook response p99 |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (GearConfigRun.Result r : pipeline) {
                for (GearConfigRun.Latency l : r.latencies()) {
                    StageTimeline tl = l.timeline();
                    out.append(String.format(
                            "| %s | %d/s | %.0f/s | %.0f / %d | %.0f / %d | %.0f / %d | %.1f ms |%n",
                            r.name().replace("gear ", ""),
                            l.rate(),
                            l.achievedRate(),
                            tl.queue().mean(),
                            tl.queue().max(),
                            tl.gear().mean(),
                            tl.gear().max(),
                            tl.writer().mean(),
                            tl.writer().max(),
                            l.webhook().p99()));
                }
            }
        }
        return out.toString();
    }

    private static String latency(GearConfigRun.Latency l) {
        if (l.endToEnd().count() == 0) {
            return "n/a";
        }
        return String.format(
                "%.0f / %.0f / %.0f ms",
                l.endToEnd().p50(), l.endToEnd().p95(), l.endToEnd().p99());
    }
}
