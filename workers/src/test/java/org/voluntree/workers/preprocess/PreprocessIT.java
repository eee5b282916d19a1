package org.voluntree.workers.preprocess;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.workers.queue.QueueSettings;
import org.voluntree.workers.queue.QueueWorker;

/** q:preprocess → normalise and featurise for the active model → s:comments, with the real intent model. */
class PreprocessIT {

    private static ModelArtifact intent;
    private static HashingFeaturiser featuriser;

    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;
    private ModelRegistry registry;
    private ActiveFeaturisers featurisers;
    private QueueWorker worker;

    @BeforeAll
    static void loadModel() {
        intent = ModelArtifact.readFrom(Path.of(System.getProperty("voluntree.repo.root"), "models", "intent"));
        featuriser = new HashingFeaturiser(intent.manifest().featuriser());
    }

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
        registry = new ModelRegistry(redis);
        registry.activate("intent", registry.store(intent));
        featurisers = new ActiveFeaturisers(TestRedis.client());
    }

    @AfterEach
    void tearDown() {
        if (worker != null) {
            worker.close();
        }
        featurisers.close();
        connection.close();
    }

    /** Drains q:preprocess as the workers role does: consumers take up to 100 waiting events a turn. */
    private void startWorker(int consumers) {
        worker = new QueueWorker(
                TestRedis.client(),
                RedisNames.PREPROCESS_QUEUE,
                new PreprocessHandler(featurisers, connection, 10_000),
                new QueueSettings(consumers, 3, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2))
                        .withBatchSize(100));
        worker.start();
    }

    @Test
    void aJobComesOutOnCommentsFeaturisedForTheActiveVersion() {
        startWorker(2);
        InboundEvent event = comment("c-1", "Count me in for Saturday!! 🙌🏽 @Ana");

        push(event);

        FeaturisedMessage message =
                FeaturisedMessage.fromFields(awaitComments(1).get(0).getBody());
        assertThat(message.event()).isEqualTo(event);
        assertThat(message.features()).containsOnlyKeys("intent");
        assertThat(message.features().get("intent").version()).isEqualTo(1);
        assertThat(message.features().get("intent").ids()).containsExactly(featuriser.featurise(event.text()));
        assertThat(redis.llen(RedisNames.PREPROCESS_QUEUE)).isZero();
        assertThat(new DeadLetters(redis).size()).isZero();
    }

    @Test
    void anEventWithoutTextTravelsOnWithoutFeatures() {
        startWorker(2);
        InboundEvent removal = new InboundEvent(
                "comment:c-2:remove",
                EventKind.COMMENT,
                "page-1",
                "c-2",
                "post-1",
                null,
                "remove",
                "person-1",
                null,
                null,
                null,
                Instant.parse("2025-04-01T09:00:00Z"),
                Instant.parse("2025-04-01T09:00:01Z"));

        push(removal);

        FeaturisedMessage message =
                FeaturisedMessage.fromFields(awaitComments(1).get(0).getBody());
        assertThat(message.event()).isEqualTo(removal);
        assertThat(message.features()).isEmpty();
    }

    @Test
    void aMalformedJobGoesToDeadAtOnceWithItsError() {
        startWorker(2);
        redis.lpush(RedisNames.PREPROCESS_QUEUE, "{\"this is\": not json".getBytes(UTF_8));
        InboundEvent good = comment("c-3", "how do I sign up?");
        push(good);

        await().atMost(Duration.ofSeconds(10)).until(() -> new DeadLetters(redis).size() == 1);
        DeadLetter letter = new DeadLetters(redis).list(1).get(0);
        assertThat(letter.source()).isEqualTo(RedisNames.PREPROCESS_QUEUE);
        assertThat(letter.error()).startsWith("PermanentFailure: not an event record");
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(new String(letter.payload(), UTF_8)).isEqualTo("{\"this is\": not json");
        List<StreamMessage<String, byte[]>> comments = awaitComments(1);
        assertThat(FeaturisedMessage.fromFields(comments.get(0).getBody()).event())
                .isEqualTo(good);
        assertThat(redis.llen(RedisNames.PREPROCESS_QUEUE)).isZero();
    }

    @Test
    void waitingEventsComeOutInQueueOrderAndAMalformedOneAmongThemHoldsNoneBack() {
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            if (i == 120) {
                redis.lpush(RedisNames.PREPROCESS_QUEUE, "{\"not\": an event".getBytes(UTF_8));
            }
            InboundEvent event = comment("b-" + i, "I can help on Saturday, message " + i);
            events.add(event);
            push(event);
        }

        startWorker(1);

        List<InboundEvent> out = awaitComments(250).stream()
                .map(entry -> FeaturisedMessage.fromFields(entry.getBody()).event())
                .toList();
        assertThat(out).containsExactlyElementsOf(events);
        await().atMost(Duration.ofSeconds(10)).until(() -> new DeadLetters(redis).size() == 1);
        assertThat(new DeadLetters(redis).list(1).get(0).error()).startsWith("PermanentFailure: not an event record");
        assertThat(redis.llen(RedisNames.PREPROCESS_QUEUE)).isZero();
        assertThat(redis.keys(RedisNames.processingListPattern(RedisNames.PREPROCESS_QUEUE)))
                .isEmpty();
        assertThat(redis.hlen(RedisNames.attempts(RedisNames.PREPROCESS_QUEUE))).isZero();
    }

    @Test
    void jobsAfterAnActivationCarryTheNewVersion() {
        startWorker(2);
        push(comment("c-4", "before the switch"));
        assertThat(FeaturisedMessage.fromFields(awaitComments(1).get(0).getBody())
                        .features()
                        .get("intent")
                        .version())
                .isEqualTo(1);

        int second = registry.store(intent);
        registry.activate("intent", second);
        assertThat(second).isEqualTo(2);

        await("the workers switch to v2 on the announcement")
                .atMost(Duration.ofSeconds(2))
                .until(() -> featurisers.featurise("x").get("intent").version() == 2);
        InboundEvent after = comment("c-5", "after the switch");
        push(after);
        FeaturisedMessage message =
                FeaturisedMessage.fromFields(awaitComments(2).get(1).getBody());
        assertThat(message.event()).isEqualTo(after);
        assertThat(message.features().get("intent").version()).isEqualTo(2);
        assertThat(message.features().get("intent").ids()).containsExactly(featuriser.featurise(after.text()));
    }

    private void push(InboundEvent event) {
        redis.lpush(RedisNames.PREPROCESS_QUEUE, Json.write(event));
    }

    private List<StreamMessage<String, byte[]>> awaitComments(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.xlen(RedisNames.COMMENTS_STREAM) >= count);
        List<StreamMessage<String, byte[]>> entries = redis.xrange(RedisNames.COMMENTS_STREAM, Range.create("-", "+"));
        assertThat(entries).hasSize(count);
        return entries;
    }

    private static InboundEvent comment(String id, String text) {
        return new InboundEvent(
                "comment:" + id + ":add",
                EventKind.COMMENT,
                "page-1",
                id,
                "post-1",
                null,
                "add",
                "person-1",
                "Ana",
                text,
                null,
                Instant.parse("2025-04-01T09:00:00Z"),
                Instant.parse("2025-04-01T09:00:01Z"));
    }
}
