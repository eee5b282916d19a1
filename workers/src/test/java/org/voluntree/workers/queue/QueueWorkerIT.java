package org.voluntree.workers.queue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

class QueueWorkerIT {

    private static final String QUEUE = "q:worker-test";
    private static final String RESULTS = "test:results";
    private static final QueueSettings SETTINGS =
            new QueueSettings(2, 3, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2));
    private static final QueueSettings ONE_CONSUMER_TAKING_TEN = new QueueSettings(
                    1, 3, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2))
            .withBatchSize(10);

    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
    }

    @AfterEach
    void tearDown() {
        connection.close();
    }

    @Test
    void anItemThatFailsForAWhileIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        JobHandler flaky = item -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("graph api timed out");
            }
            redis.rpush(RESULTS, item);
        };
        redis.lpush(QUEUE, "job".getBytes(UTF_8));

        try (QueueWorker worker = new QueueWorker(TestRedis.client(), QUEUE, flaky, SETTINGS)) {
            worker.start();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(results()).containsExactly("job"));
        }
        assertThat(calls).hasValue(3);
        assertThat(new DeadLetters(redis).size()).isZero();
        assertThat(redis.llen(QUEUE)).isZero();
        assertThat(redis.hlen(RedisNames.attempts(QUEUE))).isZero();
    }

    @Test
    void waitingItemsReachTheHandlerTogetherAndOnlyTheOneThatFailedIsRetried() {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        BatchingHandler batching = items -> {
            batches.add(items.stream().map(b -> new String(b, UTF_8)).toList());
            BatchOutcome outcome = new BatchOutcome(items.size());
            for (int i = 0; i < items.size(); i++) {
                if (new String(items.get(i), UTF_8).equals("c") && failuresLeft.getAndDecrement() > 0) {
                    outcome.failed(i, new IllegalStateException("stream full"));
                } else {
                    redis.rpush(RESULTS, items.get(i));
                }
            }
            return outcome;
        };
        for (String item : List.of("a", "b", "c", "d", "e")) {
            redis.lpush(QUEUE, item.getBytes(UTF_8));
        }

        try (QueueWorker worker = new QueueWorker(TestRedis.client(), QUEUE, batching, ONE_CONSUMER_TAKING_TEN)) {
            worker.start();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(results()).containsExactly("a", "b", "d", "e", "c"));
        }
        assertThat(batches).containsExactly(List.of("a", "b", "c", "d", "e"), List.of("c"));
        assertThat(new DeadLetters(redis).size()).isZero();
        assertThat(redis.keys(RedisNames.processingListPattern(QUEUE))).isEmpty();
        assertThat(redis.hlen(RedisNames.attempts(QUEUE))).isZero();
    }

    @Test
    void anItemThatKeepsFailingEndsInDeadWithItsErrorAndItsHandlerIsTold() {
        List<String> toldGaveUp = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobHandler broken = new JobHandler() {
            @Override
            public void handle(byte[] item) {
                throw new IllegalArgumentException("unknown page " + new String(item, UTF_8));
            }

            @Override
            public void gaveUp(byte[] item, String reason) {
                toldGaveUp.add(new String(item, UTF_8) + ": " + reason);
            }
        };
        redis.lpush(QUEUE, "page-9".getBytes(UTF_8));

        try (QueueWorker worker = new QueueWorker(TestRedis.client(), QUEUE, broken, SETTINGS)) {
            worker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> new DeadLetters(redis).size() == 1);
        }
        DeadLetter letter = new DeadLetters(redis).list(1).get(0);
        assertThat(letter.error()).isEqualTo("IllegalArgumentException: unknown page page-9");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(toldGaveUp).containsExactly("page-9: IllegalArgumentException: unknown page page-9");
        assertThat(redis.llen(QUEUE)).isZero();
        assertThat(redis.keys(RedisNames.processingListPattern(QUEUE))).isEmpty();
    }

    @Test
    void anItemWhoseConsumersKeepDyingIsDeadLetteredInsteadOfKillingTheNextOne() {
        // three consumers took the item and died with it: the reaper counted each interrupted delivery
        AdjustableClock clock = new AdjustableClock(Instant.now());
        ReliableQueue queue = new ReliableQueue(QUEUE, SETTINGS, redis, clock);
        queue.push("poison".getBytes(UTF_8));
        for (int i = 0; i < SETTINGS.maxAttempts(); i++) {
            queue.heartbeat("died-" + i);
            ReliableQueue.take(redis, QUEUE, "died-" + i, Duration.ofMillis(100))
                    .orElseThrow();
            clock.advance(SETTINGS.staleAfter().plusSeconds(1));
            assertThat(queue.reap()).isEqualTo(1);
        }
        AtomicInteger calls = new AtomicInteger();

        try (QueueWorker worker =
                new QueueWorker(TestRedis.client(), QUEUE, item -> calls.incrementAndGet(), SETTINGS)) {
            worker.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> new DeadLetters(redis).size() == 1);
        }
        DeadLetter letter = new DeadLetters(redis).list(1).get(0);
        assertThat(letter.error()).contains("gave up after 3 deliveries");
        assertThat(new String(letter.payload(), UTF_8)).isEqualTo("poison");
        assertThat(calls).as("the handler never saw it").hasValue(0);
        assertThat(redis.llen(QUEUE)).isZero();
    }

    @Test
    void theJobsOfATurnThatBrokeOffWhenRedisWentAwayAreHandledAgainOnceItIsBack(@TempDir Path data) throws Exception {
        int port = LocalRedisServer.freePort();
        AtomicReference<LocalRedisServer> server = new AtomicReference<>(LocalRedisServer.start(port, data, true));
        RedisClient client = RedisClient.create(RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(port)
                .withTimeout(Duration.ofMillis(500))
                .build());
        CountDownLatch redisStopped = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        BatchingHandler stopsRedisOnce = items -> {
            items.forEach(item -> handled.add(new String(item, UTF_8)));
            if (redisStopped.getCount() > 0) {
                // done, but Redis goes away before the jobs are acknowledged
                server.get().close();
                redisStopped.countDown();
            }
            return new BatchOutcome(items.size());
        };
        try (StatefulRedisConnection<String, byte[]> own = client.connect(RedisCodecs.STRING_BYTES)) {
            for (String item : List.of("a", "b", "c")) {
                own.sync().lpush(QUEUE, item.getBytes(UTF_8));
            }
            try (QueueWorker worker = new QueueWorker(client, QUEUE, stopsRedisOnce, ONE_CONSUMER_TAKING_TEN)) {
                worker.start();
                assertThat(redisStopped.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(2_000); // longer than the command timeout: the acknowledgement fails
                server.set(LocalRedisServer.start(port, data, true));

                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(handled).containsExactly("a", "b", "c", "a", "b", "c"));
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(own.sync().keys(RedisNames.processingListPattern(QUEUE)))
                                .isEmpty());
            }
            assertThat(own.sync().llen(QUEUE)).isZero();
        } finally {
            client.shutdown();
            server.get().close();
        }
    }

    @Test
    void closeRetiresItsConsumersSoTheReaperDoesNotWaitForThem() {
        QueueWorker worker = new QueueWorker(TestRedis.client(), QUEUE, item -> {}, SETTINGS);
        worker.start();
        assertThat(redis.hlen(RedisNames.consumerHeartbeats(QUEUE))).isEqualTo(2);

        worker.close();

        assertThat(redis.hlen(RedisNames.consumerHeartbeats(QUEUE))).isZero();
    }

    private List<String> results() {
        return redis.lrange(RESULTS, 0, -1).stream()
                .map(b -> new String(b, UTF_8))
                .toList();
    }
}
