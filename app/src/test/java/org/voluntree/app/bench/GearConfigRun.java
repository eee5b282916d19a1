package org.voluntree.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.voluntree.app.testing.FacebookPayloads.Comment;

/**
 * One configuration of the whole pipeline (every role in one app process): warm-up, then the
 * sustained throughput run, then a latency run at a moderate and at a higher fixed rate.
 */
final class GearConfigRun {

    static final String PAGE = "100000000000001";
    static final String ADMIN = "admin@riverside.example";
    static final String PASSWORD = "voluntree-demo";

    record Throughput(
            int messages,
            double seconds,
            double perSecond,
            double acceptedAtS,
            StageTimeline timeline,
            Map<String, Double> cpu,
            double threadsPerMessage,
            long liveEvents,
            String liveClosed) {}

    record Latency(
            int rate,
            int messages,
            double achievedRate,
            Percentiles endToEnd,
            Percentiles webhook,
            int missing,
            StageTimeline timeline) {}

    record Result(String name, Map<String, String> settings, Throughput throughput, List<Latency> latencies) {}

    private final PipelineBenchmark.Settings settings;
    private final CommentCorpus corpus;
    private final PipelineProbe probe;
    private final String name;
    private int runs;

    GearConfigRun(PipelineBenchmark.Settings settings, CommentCorpus corpus, PipelineProbe probe, String name) {
        this.settings = settings;
        this.corpus = corpus;
        this.probe = probe;
        this.name = name;
    }

    Result run(AppProcess app, CpuAccounting cpu, Map<String, String> appSettings) throws Exception {
        try (WebhookLoad load = new WebhookLoad(app.port());
                LiveFeed feed = LiveFeed.connect(app.port(), ADMIN, PASSWORD)) {
            PipelineBenchmark.say(
                    "[%s] warm-up: %d comments as fast as accepted, then %d s at %d msg/s",
                    name, settings.warmupComments(), settings.warmupSeconds(), settings.lowRate());
            throughput(app, cpu, load, feed, settings.warmupComments(), "warm-up burst");
            latency(load, feed, settings.lowRate(), settings.warmupSeconds(), "warm-up rate");

            PipelineBenchmark.say(
                    "[%s] sustained throughput: %d comments in deliveries of %d entries, %d senders",
                    name, settings.comments(), settings.entriesPerDelivery(), settings.senders());
            if (settings.postgresStatements()) {
                probe.resetStatementStatistics();
            }
            Throughput throughput = throughput(app, cpu, load, feed, settings.comments(), "throughput");
            if (settings.postgresStatements()) {
                PipelineBenchmark.say("[%s] PostgreSQL's costliest statements during the throughput run:", name);
                probe.costliestStatements(15).forEach(line -> PipelineBenchmark.say("  %s", line));
            }
            List<Latency> latencies = new ArrayList<>();
            for (int rate : List.of(settings.lowRate(), settings.highRate())) {
                PipelineBenchmark.say(
                        "[%s] latency at %d msg/s for %d s (deliveries of %d entries)",
                        name, rate, settings.latencySeconds(), settings.latencyEntriesPerDelivery());
                latencies.add(latency(load, feed, rate, settings.latencySeconds(), "latency " + rate + "/s"));
            }
            return new Result(name, appSettings, throughput, latencies);
        }
    }

    private Throughput throughput(
            AppProcess app, CpuAccounting cpu, WebhookLoad load, LiveFeed feed, int count, String label) {
        load.reset();
        String prefix = name.replaceAll("\\W", "") + "t" + (runs++);
        List<SignedDelivery> deliveries =
                SignedDelivery.of(PAGE, corpus.comments(prefix, count), settings.entriesPerDelivery());
        long threadsBefore = app.threadsStarted();
        long liveBefore = feed.events();
        try (ProgressSampler sampler = new ProgressSampler(probe, label, load::acceptedEvents)) {
            CpuAccounting.Snapshot cpuBefore = cpu.snapshot();
            long start = System.nanoTime();
            load.burst(deliveries, settings.senders());
            double acceptedAt = (System.nanoTime() - start) / 1e9;
            PipelineProbe.Sample done = sampler.awaitStored(count, settings.drainTimeoutSeconds() * 1000L);
            CpuAccounting.Snapshot cpuAfter = cpu.snapshot();
            long stored = done.stored() - sampler.baseline().stored();
            double seconds = (done.atNanos() - start) / 1e9;
            StageTimeline timeline = StageTimeline.of(sampler.samples(), sampler.baseline(), start, count);
            awaitLive(feed, liveBefore + stored, 10_000);
            long threadsAfter = app.threadsStarted();
            Throughput result = new Throughput(
                    (int) stored,
                    seconds,
                    stored / seconds,
                    acceptedAt,
                    timeline,
                    CpuAccounting.coresUsed(cpuBefore, cpuAfter),
                    threadsBefore < 0 ? Double.NaN : (threadsAfter - threadsBefore) / (double) Math.max(1, stored),
                    feed.events() - liveBefore,
                    feed.closedBecause());
            PipelineBenchmark.say(
                    "[%s] %s: %d of %d stored in %.2f s = %.0f msg/s (all accepted after %.2f s;"
                            + " featurised %.2f s, classified %.2f s, stored %.2f s); %d webhook failures; %d live events",
                    name,
                    label,
                    stored,
                    count,
                    seconds,
                    result.perSecond(),
                    acceptedAt,
                    timeline.featurisedAtS(),
                    timeline.classifiedAtS(),
                    timeline.storedAtS(),
                    load.failures(),
                    result.liveEvents());
            PipelineBenchmark.say(
                    "[%s] %s: %s -> bottleneck: %s", name, label, timeline.backlogs(), timeline.bottleneck());
            PipelineBenchmark.say(
                    "[%s] %s: CPU cores used %s; threads started per message %.2f",
                    name, label, PipelineBenchmark.formatCpu(result.cpu()), result.threadsPerMessage());
            return result;
        }
    }

    private Latency latency(WebhookLoad load, LiveFeed feed, int rate, int seconds, String label) {
        load.reset();
        int count = rate * seconds;
        String prefix = name.replaceAll("\\W", "") + "l" + (runs++);
        List<Comment> comments = corpus.comments(prefix, count);
        int perDelivery = settings.latencyEntriesPerDelivery();
        List<SignedDelivery> deliveries = SignedDelivery.of(PAGE, comments, perDelivery);
        long interval = 1_000_000_000L * perDelivery / rate;
        try (ProgressSampler sampler = new ProgressSampler(probe, label, load::acceptedEvents)) {
            long start = System.nanoTime();
            load.atFixedRate(deliveries, interval);
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            sampler.awaitStored(count, settings.drainTimeoutSeconds() * 1000L);
            awaitLive(feed, comments, 10_000);
            StageTimeline timeline = StageTimeline.of(sampler.samples(), sampler.baseline(), start, count);
            List<Long> latencies = new ArrayList<>(count);
            int missing = 0;
            for (Comment c : comments) {
                Long accepted = load.acceptedAt().get(c.commentId());
                Long arrived = feed.arrivedAt().get(c.commentId());
                if (accepted == null || arrived == null) {
                    missing++;
                } else {
                    latencies.add(arrived - accepted);
                }
            }
            Latency result = new Latency(
                    rate,
                    count,
                    count / sendSeconds,
                    Percentiles.ofNanos(latencies),
                    load.responseTimes(),
                    missing,
                    timeline);
            PipelineBenchmark.say(
                    "[%s] %s: webhook accept -> WebSocket %s; %d missing; sent at %.0f msg/s;" + " webhook response %s",
                    name,
                    label,
                    result.endToEnd().summary(),
                    missing,
                    result.achievedRate(),
                    result.webhook().summary());
            PipelineBenchmark.say("[%s] %s: %s", name, label, timeline.backlogs());
            return result;
        }
    }

    private static void awaitLive(LiveFeed feed, long events, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (feed.events() < events && System.nanoTime() < deadline && feed.closedBecause() == null) {
            AppProcess.sleep(20);
        }
    }

    private static void awaitLive(LiveFeed feed, List<Comment> comments, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < deadline
                && feed.closedBecause() == null
                && !comments.stream().allMatch(c -> feed.arrivedAt().containsKey(c.commentId()))) {
            AppProcess.sleep(50);
        }
    }
}
