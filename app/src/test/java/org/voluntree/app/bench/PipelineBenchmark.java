package org.voluntree.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.voluntree.app.testing.TestPostgres;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.testing.TestRedis;

/**
 * The pipeline benchmark. Starts a real Redis and an embedded PostgreSQL, then the packaged app
 * as a separate process, and measures:
 * <ol>
 *   <li>webhook-only acceptance (the web role alone, nothing drains the queue);</li>
 *   <li>for each gear configuration (all roles in one process): sustained end-to-end throughput
 *       (signed deliveries until every row is in PostgreSQL) and latency from webhook acceptance
 *       to the event on an authenticated WebSocket at a moderate and a higher fixed rate.</li>
 * </ol>
 * Every setting is a system property ({@code -Dbench.comments=20000}); docs/benchmarks.md has the
 * command and the results. Progress goes to stdout, the final tables too, and into
 * {@code target/bench/results-*.md}.
 */
public final class PipelineBenchmark {

    private static final long STARTED = System.nanoTime();

    /** The knobs of one benchmark run. */
    record Settings(
            int comments,
            int entriesPerDelivery,
            int senders,
            int lowRate,
            int highRate,
            int latencySeconds,
            int latencyEntriesPerDelivery,
            int warmupComments,
            int warmupSeconds,
            int drainTimeoutSeconds,
            List<String> configs,
            int webhookDeliveries,
            int webhookSingleDeliveries,
            boolean postgresStatements,
            Path jar) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.comments", 20_000),
                    Integer.getInteger("bench.entriesPerDelivery", 100),
                    Integer.getInteger("bench.senders", 4),
                    Integer.getInteger("bench.lowRate", 200),
                    Integer.getInteger("bench.highRate", 500),
                    Integer.getInteger("bench.latencySeconds", 10),
                    Integer.getInteger("bench.latencyEntriesPerDelivery", 5),
                    Integer.getInteger("bench.warmupComments", 20_000),
                    Integer.getInteger("bench.warmupSeconds", 5),
                    Integer.getInteger("bench.drainTimeoutSeconds", 90),
                    List.of(System.getProperty("bench.configs", "256:50ms,32:50ms,1:50ms,256:5ms:5ms")
                            .split(",")),
                    Integer.getInteger("bench.webhookDeliveries", 1_000),
                    Integer.getInteger("bench.webhookSingleDeliveries", 10_000),
                    Boolean.getBoolean("bench.postgresStatements"),
                    locateJar());
        }

        private static Path locateJar() {
            String configured = System.getProperty("bench.jar");
            if (configured != null) {
                return Path.of(configured);
            }
            for (Path candidate : List.of(
                    Path.of("target", "voluntree-app-0.1.0-SNAPSHOT.jar"),
                    Path.of("app", "target", "voluntree-app-0.1.0-SNAPSHOT.jar"))) {
                if (Files.exists(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
            throw new IllegalStateException(
                    "no packaged app; run 'mvn -q -B install -DskipTests' first or set -Dbench.jar");
        }
    }

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        say("Voluntree pipeline benchmark: %s", settings);
        say(
                "machine: %d cores, %s, Java %s, load average before start %s",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("java.version"),
                loadAverage());
        String redisUrl = TestRedis.uri();
        if (settings.postgresStatements()) {
            System.setProperty(TestPostgres.STATEMENT_STATISTICS, "true");
        }
        String jdbcUrl = TestPostgres.jdbcUrl();
        int redisPort = TestRedis.server().port();
        int postgresPort = TestPostgres.server().getPort();
        say("Redis %s, PostgreSQL %s", redisUrl, jdbcUrl);
        CommentCorpus corpus = CommentCorpus.load();
        say("comment texts: %d from the intent corpus", corpus.size());

        List<WebhookOnlyRun.Result> webhookOnly = new ArrayList<>();
        List<GearConfigRun.Result> pipeline = new ArrayList<>();
        try (PipelineProbe probe = new PipelineProbe(redisUrl, jdbcUrl)) {
            if (settings.webhookDeliveries() > 0) {
                TestRedis.flush();
                say("== webhook only (VOLUNTREE_ROLES=web) ==");
                try (AppProcess app = AppProcess.start(
                        settings.jar(), "web-only", "web", LocalRedisServer.freePort(), redisUrl, jdbcUrl, Map.of())) {
                    CpuAccounting cpu = new CpuAccounting(app.pid(), redisPort, postgresPort);
                    WebhookOnlyRun run = new WebhookOnlyRun(corpus, probe);
                    webhookOnly.add(run.run(
                            app,
                            cpu,
                            settings.webhookDeliveries() + " x 100 entries, " + settings.senders() + " senders",
                            settings.webhookDeliveries(),
                            100,
                            settings.senders()));
                    webhookOnly.add(run.run(
                            app,
                            cpu,
                            settings.webhookSingleDeliveries() + " x 1 entry, 8 senders",
                            settings.webhookSingleDeliveries(),
                            1,
                            8));
                }
            }
            for (String config : settings.configs()) {
                Map<String, String> appSettings = appSettings(config);
                String name = "gear " + config;
                say("== %s: %s ==", name, appSettings);
                TestRedis.flush();
                probe.truncateMessages();
                try (AppProcess app = AppProcess.start(
                        settings.jar(),
                        "all-roles-" + config.replaceAll("[^A-Za-z0-9]+", "-"),
                        "web,workers,gear,scheduler",
                        LocalRedisServer.freePort(),
                        redisUrl,
                        jdbcUrl,
                        appSettings)) {
                    CpuAccounting cpu = new CpuAccounting(app.pid(), redisPort, postgresPort);
                    pipeline.add(new GearConfigRun(settings, corpus, probe, name).run(app, cpu, appSettings));
                }
            }
        }
        String report = Report.render(
                settings, webhookOnly, pipeline, cpuModel(), loadAverage(), (System.nanoTime() - STARTED) / 1e9);
        System.out.println();
        System.out.println(report);
        Path file = Path.of(
                "target",
                "bench",
                "results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        say("results written to %s", file.toAbsolutePath());
        System.exit(0);
    }

    /**
     * {@code batch:maxWait[:writerMaxWait][/NAME=value...]} → the app's environment, e.g.
     * {@code 256:5ms:5ms/VOLUNTREE_QUEUE_CONSUMERS=4}.
     */
    static Map<String, String> appSettings(String config) {
        String[] extras = config.trim().split("/");
        String[] parts = extras[0].split(":");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VOLUNTREE_GEAR_BATCH_SIZE", parts[0]);
        env.put("VOLUNTREE_GEAR_MAX_WAIT", parts.length > 1 ? parts[1] : "50ms");
        if (parts.length > 2) {
            env.put("VOLUNTREE_WRITER_MAX_WAIT", parts[2]);
        }
        for (int i = 1; i < extras.length; i++) {
            String[] pair = extras[i].split("=", 2);
            env.put(pair[0], pair[1]);
        }
        return env;
    }

    static void say(String format, Object... args) {
        double elapsed = (System.nanoTime() - STARTED) / 1e9;
        System.out.printf("[%3d:%02d] %s%n", (int) elapsed / 60, (int) elapsed % 60, String.format(format, args));
        System.out.flush();
    }

    static String formatCpu(Map<String, Double> cores) {
        return cores.entrySet().stream()
                .filter(e -> e.getValue() >= 0.01)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
