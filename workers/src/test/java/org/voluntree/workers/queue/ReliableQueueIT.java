package org.voluntree.workers.queue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

class ReliableQueueIT {

    private static final String QUEUE = "q:test";
    private static final Duration POLL = Duration.ofMillis(100);

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2025-05-01T12:00:00Z"));
    private final QueueSettings settings = new QueueSettings(1, 3, POLL, Duration.ofSeconds(1), Duration.ofSeconds(5));
    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;
    private ReliableQueue queue;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
        queue = new ReliableQueue(QUEUE, settings, redis, clock);
    }

    @AfterEach
    void tearDown() {
        connection.close();
    }

    @Test
    void takeMovesTheOldestItemIntoTheConsumersProcessingList() {
        queue.push(bytes("first"));
        queue.push(bytes("second"));

        Delivery delivery = take("c1");

        assertThat(text(delivery.item())).isEqualTo("first");
        assertThat(delivery.consumer()).isEqualTo("c1");
        assertThat(items(RedisNames.processingList(QUEUE, "c1"))).containsExactly("first");
        assertThat(items(QUEUE)).containsExactly("second");
    }

    @Test
    void takeOnAnEmptyQueueReturnsNothingAfterTheTimeout() {
        assertThat(ReliableQueue.take(redis, QUEUE, "c1", POLL)).isEmpty();
    }

    @Test
    void ackRemovesTheItemFromProcessing() {
        queue.push(bytes("job"));
        Delivery delivery = take("c1");

        queue.ack(delivery);

        assertThat(redis.exists(RedisNames.processingList(QUEUE, "c1"))).isZero();
        assertThat(queue.size()).isZero();
        assertThat(new DeadLetters(redis).size()).isZero();
    }

    @Test
    void aBatchTakeTakesTheItemsAlreadyWaitingOldestFirstUpToItsSize() {
        for (String item : List.of("1", "2", "3", "4", "5")) {
            queue.push(bytes(item));
        }

        List<Delivery> first = ReliableQueue.take(redis, QUEUE, "c1", POLL, 3);
        List<Delivery> rest = ReliableQueue.take(redis, QUEUE, "c2", POLL, 10);

        assertThat(first).extracting(d -> text(d.item())).containsExactly("1", "2", "3");
        assertThat(rest).extracting(d -> text(d.item())).containsExactly("4", "5");
        assertThat(items(RedisNames.processingList(QUEUE, "c1"))).containsExactly("1", "2", "3");
        assertThat(items(RedisNames.processingList(QUEUE, "c2"))).containsExactly("4", "5");
        assertThat(queue.size()).isZero();
        assertThat(ReliableQueue.take(redis, QUEUE, "c1", POLL, 10)).isEmpty();
    }

    @Test
    void anItemThatFailedBeforeIsTakenAloneAndEndsTheBatchBeforeIt() {
        queue.push(bytes("flaky"));
        queue.fail(take("c1"), new IllegalStateException("boom"));
        queue.push(bytes("fresh 1"));
        queue.push(bytes("fresh 2"));

        assertThat(ReliableQueue.take(redis, QUEUE, "c1", POLL, 10))
                .extracting(d -> text(d.item()), Delivery::attempts)
                .containsExactly(tuple("flaky", 1));
        assertThat(ReliableQueue.take(redis, QUEUE, "c1", POLL, 10))
                .extracting(d -> text(d.item()), Delivery::attempts)
                .containsExactly(tuple("fresh 1", 0), tuple("fresh 2", 0));

        queue.push(bytes("fresh 3"));
        queue.push(bytes("flaky"));
        queue.push(bytes("fresh 4"));
        assertThat(ReliableQueue.take(redis, QUEUE, "c2", POLL, 10))
                .extracting(d -> text(d.item()))
                .containsExactly("fresh 3");
        assertThat(ReliableQueue.take(redis, QUEUE, "c2", POLL, 10))
                .extracting(d -> text(d.item()))
                .containsExactly("flaky");
    }

    @Test
    void theBatchOfAConsumerThatStoppedIsRetriedOneItemAtATime() {
        for (String item : List.of("1", "2", "3")) {
            queue.push(bytes(item));
        }
        queue.heartbeat("died");
        assertThat(ReliableQueue.take(redis, QUEUE, "died", POLL, 10)).hasSize(3);
        clock.advance(Duration.ofSeconds(6));
        assertThat(queue.reap()).isEqualTo(3);

        for (String item : List.of("1", "2", "3")) {
            assertThat(ReliableQueue.take(redis, QUEUE, "c1", POLL, 10))
                    .extracting(d -> text(d.item()), Delivery::attempts)
                    .containsExactly(tuple(item, 1));
        }
    }

    @Test
    void ackOfABatchForgetsEveryItemAndItsAttemptsButNotTheItemsLeftInProcessing() {
        queue.push(bytes("flaky"));
        queue.fail(take("c1"), new IllegalStateException("boom"));
        Delivery retried = take("c1");
        queue.push(bytes("done"));
        queue.push(bytes("still working"));
        List<Delivery> batch = ReliableQueue.take(redis, QUEUE, "c1", POLL, 10);

        queue.ack(List.of(retried, batch.get(0)));

        assertThat(items(RedisNames.processingList(QUEUE, "c1"))).containsExactly("still working");
        assertThat(redis.hlen(RedisNames.attempts(QUEUE))).isZero();
        queue.push(bytes("other consumer's"));
        Delivery other = take("c2");
        assertThatThrownBy(() -> queue.ack(List.of(batch.get(1), other))).isInstanceOf(IllegalArgumentException.class);
        assertThat(items(RedisNames.processingList(QUEUE, "c1"))).containsExactly("still working");
    }

    @Test
    void failRequeuesBehindWaitingItemsUntilMaxAttemptsThenDeadLettersWithTheError() {
        queue.push(bytes("bad"));
        queue.push(bytes("good"));

        Delivery first = take("c1");
        assertThat(queue.fail(first, new IllegalStateException("boom 1"))).isFalse();
        assertThat(queue.attempts(first)).isEqualTo(1);
        assertThat(items(QUEUE)).as("retried behind the waiting item").containsExactly("good", "bad");
        assertThat(redis.exists(RedisNames.processingList(QUEUE, "c1"))).isZero();
        queue.ack(take("c1"));

        assertThat(queue.fail(take("c1"), new IllegalStateException("boom 2"))).isFalse();
        Delivery third = take("c1");
        assertThat(text(third.item())).isEqualTo("bad");
        assertThat(queue.fail(third, new IllegalStateException("boom 3"))).isTrue();

        assertThat(queue.size()).isZero();
        assertThat(redis.exists(RedisNames.processingList(QUEUE, "c1"))).isZero();
        assertThat(queue.attempts(third)).as("attempts forgotten").isZero();
        List<DeadLetter> dead = new DeadLetters(redis).list(10);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).source()).isEqualTo(QUEUE);
        assertThat(dead.get(0).sourceType()).isEqualTo(DeadLetters.LIST);
        assertThat(dead.get(0).error()).isEqualTo("IllegalStateException: boom 3");
        assertThat(dead.get(0).attempts()).isEqualTo(3);
        assertThat(text(dead.get(0).payload())).isEqualTo("bad");
    }

    @Test
    void aPermanentFailureGoesToDeadAtOnce() {
        queue.push(bytes("{not json"));
        Delivery delivery = take("c1");

        assertThat(queue.fail(delivery, PermanentFailure.because("not an event record")))
                .isTrue();

        assertThat(queue.size()).isZero();
        assertThat(redis.exists(RedisNames.processingList(QUEUE, "c1"))).isZero();
        List<DeadLetter> dead = new DeadLetters(redis).list(10);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).error()).isEqualTo("PermanentFailure: not an event record");
        assertThat(dead.get(0).attempts()).isEqualTo(1);
        assertThat(text(dead.get(0).payload())).isEqualTo("{not json");
    }

    @Test
    void reapRequeuesTheItemsOfAStaleConsumerButNotOfALiveOne() {
        queue.heartbeat("live");
        queue.heartbeat("dead");
        queue.push(bytes("held by live"));
        queue.push(bytes("held by dead"));
        take("live");
        take("dead");

        clock.advance(Duration.ofSeconds(4));
        queue.heartbeat("live");
        assertThat(queue.reap()).as("nobody is stale yet").isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(queue.reap()).isEqualTo(1);

        assertThat(items(QUEUE)).containsExactly("held by dead");
        assertThat(redis.exists(RedisNames.processingList(QUEUE, "dead"))).isZero();
        assertThat(items(RedisNames.processingList(QUEUE, "live"))).containsExactly("held by live");
        assertThat(redis.hkeys(RedisNames.consumerHeartbeats(QUEUE))).containsExactly("live");
        Delivery again = take("live");
        assertThat(text(again.item())).isEqualTo("held by dead");
        assertThat(queue.attempts(again)).as("the interrupted delivery counts").isEqualTo(1);
    }

    @Test
    void reapForgetsStaleConsumersThatHeldNothingAndNeverScansTheKeyspace() {
        queue.heartbeat("gone");
        queue.heartbeat("live");
        for (int i = 0; i < 500; i++) {
            redis.set("seen:fb:" + i, bytes("1"));
        }
        long scansBefore = scanCalls();
        clock.advance(Duration.ofSeconds(6));
        queue.heartbeat("live");

        assertThat(queue.reap()).isZero();

        assertThat(redis.hkeys(RedisNames.consumerHeartbeats(QUEUE))).containsExactly("live");
        assertThat(scanCalls()).isEqualTo(scansBefore);
    }

    @Test
    void onlyASweepFindsTheItemsOfAConsumerThatNeverSentAHeartbeat() {
        queue.push(bytes("orphan"));
        take("ghost");
        assertThat(queue.reap()).isZero();

        assertThat(queue.sweep()).isEqualTo(1);

        assertThat(items(QUEUE)).containsExactly("orphan");
        assertThat(redis.exists(RedisNames.processingList(QUEUE, "ghost"))).isZero();
    }

    @Test
    void aRetiredConsumerIsForgotten() {
        queue.heartbeat("c1");
        queue.retire("c1");

        assertThat(redis.hkeys(RedisNames.consumerHeartbeats(QUEUE))).isEmpty();
    }

    @Test
    void aConsumerRetiredWhileStillHoldingAnItemIsLeftForTheReaper() {
        queue.heartbeat("c1");
        queue.push(bytes("in flight"));
        take("c1");

        queue.retire("c1");
        assertThat(redis.hkeys(RedisNames.consumerHeartbeats(QUEUE))).containsExactly("c1");

        clock.advance(Duration.ofSeconds(6));
        assertThat(queue.reap()).isEqualTo(1);
        assertThat(items(QUEUE)).containsExactly("in flight");
        assertThat(redis.hkeys(RedisNames.consumerHeartbeats(QUEUE))).isEmpty();
    }

    @Test
    void withABackoffAFailedItemWaitsOutOfTheQueueUntilItsRetryIsDue() {
        ReliableQueue backingOff = new ReliableQueue(
                QUEUE,
                new QueueSettings(
                        1,
                        5,
                        POLL,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(30),
                        1),
                redis,
                clock);
        backingOff.push(bytes("flaky"));
        backingOff.push(bytes("next"));

        assertThat(backingOff.fail(take("c1"), new IllegalStateException("graph down")))
                .isFalse();

        assertThat(items(QUEUE)).as("only the waiting item can be taken").containsExactly("next");
        assertThat(backingOff.delayedCount()).isEqualTo(1);
        assertThat(redis.exists(RedisNames.processingList(QUEUE, "c1"))).isZero();
        clock.advance(Duration.ofMillis(1999));
        assertThat(backingOff.promoteDue()).as("not due before the backoff").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(backingOff.promoteDue()).isEqualTo(1);
        assertThat(take("c1").item()).as("a due retry is next in line").isEqualTo(bytes("flaky"));

        // the second failure waits twice as long
        Delivery again = new Delivery(QUEUE, "c1", bytes("flaky"), 1);
        backingOff.fail(again, new IllegalStateException("graph still down"));
        clock.advance(Duration.ofMillis(3999));
        assertThat(backingOff.promoteDue()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(backingOff.promoteDue()).isEqualTo(1);
        assertThat(backingOff.attempts(again)).isEqualTo(2);
    }

    @Test
    void retryLaterPostponesWithoutCountingAnAttempt() {
        queue.push(bytes("rate limited"));
        Delivery delivery = take("c1");

        for (int i = 0; i < 5; i++) {
            assertThat(queue.fail(delivery, RetryLater.after(Duration.ofSeconds(10), "page usage at 95%")))
                    .isFalse();
            clock.advance(Duration.ofSeconds(10));
            assertThat(queue.promoteDue()).isEqualTo(1);
            delivery = take("c1");
        }

        assertThat(queue.attempts(delivery)).isZero();
        assertThat(new DeadLetters(redis).size()).isZero();
    }

    /** How many SCAN commands this Redis server has run. */
    private long scanCalls() {
        for (String line : redis.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_scan:calls=")) {
                return Long.parseLong(line.substring("cmdstat_scan:calls=".length(), line.indexOf(',')));
            }
        }
        return 0;
    }

    private Delivery take(String consumer) {
        return ReliableQueue.take(redis, QUEUE, consumer, POLL).orElseThrow();
    }

    private List<String> items(String list) {
        // the queue is consumed from the right: list it oldest first
        List<String> items = new ArrayList<>(
                redis.lrange(list, 0, -1).stream().map(ReliableQueueIT::text).toList());
        Collections.reverse(items);
        return items;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, UTF_8);
    }
}
