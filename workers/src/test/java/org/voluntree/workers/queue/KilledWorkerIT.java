package org.voluntree.workers.queue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/** A worker process killed with items in flight: they are not lost, and each is handled exactly once. */
class KilledWorkerIT {

    private static final String QUEUE = "q:killed";
    private static final String TAKEN = "test:taken";
    private static final String RESULTS = "test:results";

    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;
    private Process child;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
    }

    @AfterEach
    void tearDown() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        connection.close();
    }

    @Test
    void anItemInFlightInAKilledWorkerIsHandledExactlyOnceByAnother() throws Exception {
        redis.lpush(QUEUE, "job-42".getBytes(UTF_8));
        child = startChild();
        await("the child worker takes the item").atMost(Duration.ofSeconds(30)).until(() -> redis.get(TAKEN) != null);
        assertThat(new String(redis.get(TAKEN), UTF_8)).isEqualTo("job-42");
        assertThat(redis.llen(QUEUE)).isZero();
        assertThat(processingLists()).hasSize(1);

        child.destroyForcibly().waitFor();

        QueueSettings settings =
                new QueueSettings(1, 3, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2));
        JobHandler records = item -> redis.rpush(RESULTS, item);
        try (QueueWorker survivor = new QueueWorker(TestRedis.client(), QUEUE, records, settings)) {
            survivor.start();
            await("the item is handled by the surviving worker")
                    .atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> {
                        assertThat(results()).containsExactly("job-42");
                        assertThat(redis.llen(QUEUE)).isZero();
                        assertThat(processingLists())
                                .allSatisfy(list -> assertThat(redis.llen(list)).isZero());
                    });
        }
        assertThat(results()).containsExactly("job-42");
        assertThat(redis.hlen(RedisNames.attempts(QUEUE))).isZero();
        assertThat(new DeadLetters(redis).size()).isZero();
    }

    @Test
    void aBatchInFlightInAKilledWorkerComesBackAndEachOfItsItemsIsHandledOnce() throws Exception {
        List<String> jobs = List.of("job-1", "job-2", "job-3", "job-4", "job-5");
        for (String job : jobs) {
            redis.lpush(QUEUE, job.getBytes(UTF_8));
        }
        child = startChild(10);
        await("the child worker takes the batch").atMost(Duration.ofSeconds(30)).until(() -> redis.get(TAKEN) != null);
        assertThat(redis.llen(QUEUE)).isZero();
        assertThat(redis.llen(processingLists().get(0)))
                .as("the whole batch in flight")
                .isEqualTo(5);

        child.destroyForcibly().waitFor();

        List<List<String>> batches = new CopyOnWriteArrayList<>();
        JobHandler records = new JobHandler() {
            @Override
            public void handle(byte[] item) {
                redis.rpush(RESULTS, item);
            }

            @Override
            public BatchOutcome handleAll(List<byte[]> items) throws Exception {
                batches.add(items.stream().map(b -> new String(b, UTF_8)).toList());
                return JobHandler.super.handleAll(items);
            }
        };
        QueueSettings settings = new QueueSettings(
                        1, 3, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2))
                .withBatchSize(10);
        try (QueueWorker survivor = new QueueWorker(TestRedis.client(), QUEUE, records, settings)) {
            survivor.start();
            await("the batch is handled by the surviving worker")
                    .atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(results()).containsExactlyElementsOf(jobs));
        }
        assertThat(batches)
                .as("each interrupted item comes back alone")
                .containsExactly(
                        List.of("job-1"), List.of("job-2"), List.of("job-3"), List.of("job-4"), List.of("job-5"));
        assertThat(processingLists())
                .allSatisfy(list -> assertThat(redis.llen(list)).isZero());
        assertThat(redis.hlen(RedisNames.attempts(QUEUE))).isZero();
        assertThat(new DeadLetters(redis).size()).isZero();
    }

    private Process startChild() throws Exception {
        return startChild(1);
    }

    private Process startChild(int batch) throws Exception {
        Path log = Path.of("target", "killed-worker-child.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        BlockingWorkerMain.class.getName(),
                        TestRedis.uri(),
                        QUEUE,
                        TAKEN,
                        Integer.toString(batch)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private List<String> processingLists() {
        return redis.keys(RedisNames.processingListPattern(QUEUE));
    }

    private List<String> results() {
        return redis.lrange(RESULTS, 0, -1).stream()
                .map(b -> new String(b, UTF_8))
                .toList();
    }
}
