package org.voluntree.app.writer;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.app.VoluntreeApplication;
import org.voluntree.app.deletion.Erasures;
import org.voluntree.app.testing.TestPostgres;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Not a test: a program that measures the writer alone, {@link ClassifiedWriter#handle} on batches of
 * 500 classified comments (three analyzers each, one in six a confident volunteer, 2,000 distinct
 * authors) against a real PostgreSQL and Redis, with nothing else running. It times new batches and
 * then the same batches replayed (the path a redelivery takes). Run it with {@code mvn -q -pl app -am
 * test-compile && mvn -q -pl app exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.voluntree.app.writer.WriterBenchmark}; docs/benchmarks.md has the figures.
 */
public final class WriterBenchmark {

    private static final String PAGE = "100000000000903";
    private static final int BATCH = Integer.getInteger("bench.writerBatch", 500);
    private static final int BATCHES = Integer.getInteger("bench.writerBatches", 40);
    private static final int WARMUP_BATCHES = 10;
    private static final int AUTHORS = 2_000;
    private static final String[] INTENTS = {
        "volunteer", "how_to_signup", "event_question", "requirements_question", "donation", "appreciation", "other"
    };

    private WriterBenchmark() {}

    public static void main(String[] args) throws Exception {
        int port = LocalRedisServer.freePort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VoluntreeApplication.class)
                // no role that reads the streams: this program drives the writer itself
                .run(TestServers.commandLine("scheduler", port))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TestPostgres.deleteAllOrganisations(jdbc);
            long organisation = jdbc.queryForObject(
                    "insert into organisations (name) values ('Writer benchmark') returning id", Long.class);
            jdbc.update(
                    "insert into pages (organisation_id, facebook_page_id, name) values (?, ?, 'Bench page')",
                    organisation,
                    PAGE);
            @SuppressWarnings("unchecked")
            StatefulRedisConnection<String, byte[]> redis = app.getBean(StatefulRedisConnection.class);
            ClassifiedWriter writer = new ClassifiedWriter(
                    app.getBean(MessageStore.class),
                    app.getBean(Erasures.class),
                    app.getBean(TransactionTemplate.class),
                    redis,
                    0.6);
            Random random = new Random(42);
            List<List<StreamMessage<String, byte[]>>> batches = new ArrayList<>();
            for (int b = 0; b < WARMUP_BATCHES + BATCHES; b++) {
                batches.add(batch(b, random));
            }
            System.out.printf(
                    "Writer: %d batches of %d comments (after %d warm-up batches), 3 analyzers each%n",
                    BATCHES, BATCH, WARMUP_BATCHES);
            Map<String, double[]> results = new LinkedHashMap<>();
            results.put("new messages", run(writer, redis, batches));
            results.put("the same batches again", run(writer, redis, batches));
            System.out.println();
            System.out.println("| batches of " + BATCH + " | median ms | p90 ms | max ms | msg/s at the median |");
            System.out.println("|---|---:|---:|---:|---:|");
            results.forEach((name, ms) -> System.out.printf(
                    "| %s | %.1f | %.1f | %.1f | %,.0f |%n",
                    name,
                    percentile(ms, 50),
                    percentile(ms, 90),
                    ms[ms.length - 1],
                    BATCH * 1000 / percentile(ms, 50)));
            System.out.printf(
                    "Stored: %,d messages, %,d classifications, %,d volunteers, %,d interests%n",
                    jdbc.queryForObject("select count(*) from messages", Long.class),
                    jdbc.queryForObject("select count(*) from classifications", Long.class),
                    jdbc.queryForObject("select count(*) from volunteers", Long.class),
                    jdbc.queryForObject("select count(*) from interests", Long.class));
            TestPostgres.deleteAllOrganisations(jdbc);
        }
        System.exit(0);
    }

    /** Times every batch after the warm-up ones; returns the times in milliseconds, sorted. */
    private static double[] run(
            ClassifiedWriter writer,
            StatefulRedisConnection<String, byte[]> redis,
            List<List<StreamMessage<String, byte[]>>> batches) {
        double[] ms = new double[BATCHES];
        for (int b = 0; b < batches.size(); b++) {
            long start = System.nanoTime();
            var outcome = writer.handle(batches.get(b));
            long took = System.nanoTime() - start;
            if (outcome.done().size() != BATCH) {
                throw new IllegalStateException("batch " + b + " was not stored whole: " + outcome.rejected());
            }
            if (b >= WARMUP_BATCHES) {
                ms[b - WARMUP_BATCHES] = took / 1e6;
            }
            redis.sync().del(RedisNames.REPLY_QUEUE);
            if ((b + 1) % 10 == 0) {
                System.out.printf("  %d/%d batches%n", b + 1, batches.size());
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static List<StreamMessage<String, byte[]>> batch(int number, Random random) {
        List<StreamMessage<String, byte[]>> entries = new ArrayList<>(BATCH);
        Instant at = Instant.parse("2026-11-25T10:00:00Z").plusSeconds(number);
        for (int i = 0; i < BATCH; i++) {
            String id = "bench_" + number + "_" + i;
            String author = "9" + (100_000 + random.nextInt(AUTHORS));
            InboundEvent event = new InboundEvent(
                    "c:" + id + ":add",
                    EventKind.COMMENT,
                    PAGE,
                    id,
                    PAGE + "_1",
                    PAGE + "_1",
                    "add",
                    author,
                    "Person " + author,
                    "a comment of about the usual length, count me in for saturday " + i,
                    null,
                    at,
                    at.plusMillis(200));
            boolean volunteer = random.nextInt(6) == 0;
            Map<String, Classification> verdicts = new LinkedHashMap<>();
            verdicts.put("intent", verdict(3, volunteer ? 0 : 1 + random.nextInt(6), INTENTS, random));
            verdicts.put("sentiment", verdict(2, random.nextInt(2), new String[] {"negative", "positive"}, random));
            verdicts.put("offense", verdict(2, 2, new String[] {"hate", "offensive", "neither"}, random));
            entries.add(new StreamMessage<>(
                    RedisNames.CLASSIFIED_STREAM,
                    (1_000 + number) + "-" + i,
                    new ClassifiedMessage(event, verdicts).toFields()));
        }
        return entries;
    }

    private static Classification verdict(int version, int label, String[] labels, Random random) {
        float[] scores = new float[labels.length];
        float rest = 0.1f * random.nextFloat();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rest / (scores.length - 1);
        }
        scores[label] = 1 - rest;
        return new Classification(version, labels[label], scores);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
