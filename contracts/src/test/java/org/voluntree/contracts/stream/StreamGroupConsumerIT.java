package org.voluntree.contracts.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.testing.TestRedis;

/** How a consumer forms its batches, against a real Redis. */
class StreamGroupConsumerIT {

    private static final String STREAM = "s:test";

    /** Longer than a test waits for a batch: a batch that waited for it to pass would fail the test. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<List<String>> batches = new LinkedBlockingQueue<>();
    private final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;
    private StreamGroupConsumer consumer;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        firstBatchMayFinish.countDown();
        if (consumer != null) {
            // the consumer finishes its blocking read before it stops: wake it rather than wait out MAX_WAIT
            Thread closing = new Thread(consumer::close);
            closing.start();
            while (closing.isAlive()) {
                add("wake-up");
                closing.join(200);
            }
        }
        connection.close();
    }

    @Test
    void aLoneEntryIsHandledWithoutWaitingForItsBatchToFill() throws InterruptedException {
        firstBatchMayFinish.countDown();
        start(256);

        add("only");

        assertThat(batches.poll(15, TimeUnit.SECONDS))
                .as("the entry, handled long before the batch's MAX_WAIT was up")
                .containsExactly("only");
    }

    @Test
    void entriesThatArriveWhileABatchIsHandledMakeTheNextBatchTogether() throws InterruptedException {
        start(256);
        addHundredWhileTheFirstBatchIsHandled();
        List<String> second = batches.poll(15, TimeUnit.SECONDS);
        assertThat(second).hasSize(100).startsWith("later-0").endsWith("later-99");
    }

    @Test
    void aBatchHoldsNoMoreThanItsSize() throws InterruptedException {
        start(40);
        addHundredWhileTheFirstBatchIsHandled();
        assertThat(batches.poll(15, TimeUnit.SECONDS)).hasSize(40).startsWith("later-0");
        assertThat(batches.poll(15, TimeUnit.SECONDS)).hasSize(40).startsWith("later-40");
        assertThat(batches.poll(15, TimeUnit.SECONDS)).hasSize(20).endsWith("later-99");
    }

    /** Adds "first", then "later-0" to "later-99" while the batch of "first" is being handled. */
    private void addHundredWhileTheFirstBatchIsHandled() throws InterruptedException {
        add("first");
        assertThat(firstBatchStarted.await(15, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            add("later-" + i);
        }
        firstBatchMayFinish.countDown();
        assertThat(batches.poll(15, TimeUnit.SECONDS)).containsExactly("first");
    }

    private void start(int batchSize) {
        StreamConsumerSettings settings = new StreamConsumerSettings(
                STREAM, "test-group", "test-1", batchSize, MAX_WAIT, Duration.ofMinutes(5), Duration.ofMinutes(5), 5);
        consumer = new StreamGroupConsumer(TestRedis.client(), settings, batch -> {
            firstBatchStarted.countDown();
            try {
                firstBatchMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(batch.stream().map(StreamGroupConsumerIT::text).toList());
            return StreamBatchHandler.Outcome.allDone(batch);
        });
        consumer.start();
    }

    private void add(String text) {
        redis.xadd(STREAM, Map.of("text", text.getBytes(UTF_8)));
    }

    private static String text(StreamMessage<String, byte[]> entry) {
        return new String(entry.getBody().get("text"), UTF_8);
    }
}
