package org.voluntree.gears;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.event.BinaryArrays;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.FeaturisedMessage.Features;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.stream.StreamConsumerSettings;
import org.voluntree.contracts.stream.StreamGroupConsumer;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.contracts.text.HashingFeaturiser;
import org.voluntree.gears.engine.InferenceEngine;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;

/** The gear with the real TensorFlow engine and the committed intent model, against a real Redis. */
class GearIT {

    private static final Duration MAX_WAIT = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static TensorFlowEngine tensorflow;
    private static ModelArtifact intent;
    private static HashingFeaturiser featuriser;

    private final List<Gear> gears = new ArrayList<>();
    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;
    private ModelRegistry registry;

    @BeforeAll
    static void loadModel() {
        tensorflow = new TensorFlowEngine();
        intent = ModelArtifact.readFrom(Path.of(System.getProperty("voluntree.repo.root"), "models", "intent"));
        featuriser = new HashingFeaturiser(intent.manifest().featuriser());
    }

    @AfterAll
    static void closeEngine() {
        tensorflow.close();
    }

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
        registry = new ModelRegistry(redis);
        registry.activate("intent", registry.store(intent));
    }

    @AfterEach
    void tearDown() {
        gears.forEach(Gear::close);
        connection.close();
    }

    @Test
    void classifiesAnEntryIntoClassifiedWithTheLabelAndAcknowledgesIt() {
        // unambiguous comments, most of them from the intent corpus (data/intent)
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("count me in for saturday!", "volunteer");
        expected.put("put me down for the morning shift", "volunteer");
        expected.put("is my donation tax deductible?", "donation");
        expected.put("Can I donate an old car? I heard some nonprofits take them", "donation");
        int n = 0;
        for (String text : expected.keySet()) {
            add("c" + n++, text);
        }
        Gear gear = start(tensorflow, settings("gear-labels", 16));

        awaitClassified(expected.size());

        List<ClassifiedMessage> classified = classified();
        assertThat(classified).extracting(m -> m.event().text()).containsExactlyElementsOf(expected.keySet());
        for (ClassifiedMessage message : classified) {
            Classification verdict = message.classifications().get("intent");
            assertThat(verdict.version()).isEqualTo(1);
            assertThat(verdict.label())
                    .as(message.event().text())
                    .isEqualTo(expected.get(message.event().text()));
            assertThat(verdict.scores()).hasSize(intent.manifest().labels().size());
            assertThat(sum(verdict.scores())).isCloseTo(1f, within(1e-3f));
            assertThat(verdict.score()).isGreaterThan(0.5f);
        }
        assertThat(message(classified, "c0").event()).isEqualTo(event("c0", "count me in for saturday!"));
        assertThat(pending()).isZero();
        assertThat(gear.classifiedCount()).isEqualTo(expected.size());
    }

    @Test
    void classifiesABacklogInBatchesOfAtMostBatchSizeEachEntryOnce() {
        List<String> keys = addMany("b", 600);
        RecordingEngine recording = new RecordingEngine(tensorflow);
        start(recording, settings("gear-batches", 256));

        awaitClassified(600);

        assertThat(classifiedKeys()).hasSize(600).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys);
        assertThat(recording.rows()).as("one tensor per batch of up to 256").containsExactly(256, 256, 88);
        assertThat(pending()).isZero();
    }

    @Test
    void aGearKilledAfterReadingButBeforeAcknowledgingLosesNothing() {
        List<String> keys = addMany("k", 50);
        StreamGroupConsumer.createGroup(redis, RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP);
        List<StreamMessage<String, byte[]>> taken = redis.xreadgroup(
                Consumer.from(RedisNames.GEAR_GROUP, "dead-gear"),
                XReadArgs.Builder.count(100),
                XReadArgs.StreamOffset.lastConsumed(RedisNames.COMMENTS_STREAM));
        assertThat(taken).hasSize(50);
        assertThat(pending()).isEqualTo(50);

        Gear gear = start(
                tensorflow,
                new StreamConsumerSettings(
                        RedisNames.COMMENTS_STREAM,
                        RedisNames.GEAR_GROUP,
                        "gear-survivor",
                        16,
                        MAX_WAIT,
                        Duration.ofSeconds(1),
                        Duration.ofMillis(200),
                        5));

        awaitClassified(50);
        assertThat(classifiedKeys()).hasSize(50).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys);
        assertThat(gear.classifiedCount()).isEqualTo(50);
        assertThat(new DeadLetters(redis).size()).isZero();
    }

    @Test
    void poisonEntriesGoToDeadWithTheirReasonAndDoNotHoldUpTheirBatch() {
        add("good-1", "count me in for saturday!");
        Map<String, byte[]> brokenIds = fields("bad-bytes", "sign me up");
        brokenIds.put("f:intent", new byte[5]);
        redis.xadd(RedisNames.COMMENTS_STREAM, brokenIds);
        add("good-2", "is my donation tax deductible?");
        Map<String, byte[]> unknownVersion = fields("bad-version", "sign me up");
        unknownVersion.put("v:intent", "99".getBytes(UTF_8));
        redis.xadd(RedisNames.COMMENTS_STREAM, unknownVersion);
        Map<String, byte[]> outOfRange = fields("bad-id", "sign me up");
        int[] ids = featuriser.featurise("sign me up");
        ids[0] = intent.manifest().featuriser().buckets();
        outOfRange.put("f:intent", BinaryArrays.packInts(ids));
        redis.xadd(RedisNames.COMMENTS_STREAM, outOfRange);
        Map<String, byte[]> tooShort = fields("bad-length", "sign me up");
        tooShort.put("f:intent", BinaryArrays.packInts(new int[] {1, 2, 3}));
        redis.xadd(RedisNames.COMMENTS_STREAM, tooShort);
        add("good-3", "put me down for the morning shift");
        start(tensorflow, settings("gear-poison", 16));

        awaitClassified(3);
        await().atMost(PATIENCE).until(() -> new DeadLetters(redis).size() == 4 && pending() == 0);

        assertThat(classifiedKeys()).containsExactly(key("good-1"), key("good-2"), key("good-3"));
        Map<String, DeadLetter> dead = new DeadLetters(redis)
                .list(10).stream()
                        .collect(Collectors.toMap(
                                letter -> Json.read(letter.fields().get("event"), InboundEvent.class)
                                        .externalId(),
                                Function.identity()));
        assertThat(dead).containsOnlyKeys("bad-bytes", "bad-version", "bad-id", "bad-length");
        assertThat(dead.get("bad-bytes").error()).contains("malformed entry").contains("5 bytes");
        assertThat(dead.get("bad-version").error()).contains("model intent v99 is not in the registry");
        assertThat(dead.get("bad-id").error()).contains("feature id 65536 is outside 0..65535");
        assertThat(dead.get("bad-length").error()).contains("has 3 feature ids but the model reads 64");
        assertThat(dead.values()).allSatisfy(letter -> {
            assertThat(letter.source()).isEqualTo(RedisNames.COMMENTS_STREAM);
            assertThat(letter.sourceType()).isEqualTo(DeadLetters.STREAM);
            assertThat(letter.fields()).containsKeys("event", "v:intent", "f:intent");
        });
    }

    @Test
    void anEventWithoutFeaturesPassesThroughUnclassifiedSoTheWriterStillRecordsIt() {
        InboundEvent removal = new InboundEvent(
                key("gone"),
                EventKind.COMMENT,
                "page-1",
                "gone",
                "post-1",
                null,
                "remove",
                "person-1",
                null,
                null,
                null,
                Instant.parse("2025-06-01T10:00:00Z"),
                Instant.parse("2025-06-01T10:00:01Z"));
        redis.xadd(RedisNames.COMMENTS_STREAM, new FeaturisedMessage(removal, Map.of()).toFields());
        add("kept", "count me in for saturday!");
        start(tensorflow, settings("gear-passthrough", 16));

        awaitClassified(2);

        List<ClassifiedMessage> classified = classified();
        assertThat(message(classified, "gone").event()).isEqualTo(removal);
        assertThat(message(classified, "gone").classifications()).isEmpty();
        assertThat(message(classified, "kept").classifications().get("intent").label())
                .isEqualTo("volunteer");
    }

    @Test
    void twoGearsSideBySideSplitTheWorkAndClassifyEachEntryOnce() {
        Gear first = start(tensorflow, settings("gear-left", 8));
        Gear second = start(tensorflow, settings("gear-right", 8));

        List<String> keys = addMany("t", 300);

        awaitClassified(300);
        assertThat(classifiedKeys()).hasSize(300).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys);
        await().atMost(PATIENCE).until(() -> first.classifiedCount() + second.classifiedCount() == 300);
        assertThat(first.classifiedCount()).isPositive();
        assertThat(second.classifiedCount()).isPositive();
    }

    @Test
    void eachEntryIsClassifiedByTheModelVersionItWasFeaturisedFor() {
        int second = registry.store(intent);
        registry.activate("intent", second);
        add("old", "count me in for saturday!");
        redis.xadd(
                RedisNames.COMMENTS_STREAM,
                message("new", "count me in for saturday!", second).toFields());
        start(tensorflow, settings("gear-versions", 16));

        awaitClassified(2);

        List<ClassifiedMessage> classified = classified();
        assertThat(message(classified, "old").classifications().get("intent").version())
                .isEqualTo(1);
        assertThat(message(classified, "new").classifications().get("intent").version())
                .isEqualTo(2);
        assertThat(message(classified, "new").classifications().get("intent").label())
                .isEqualTo("volunteer");
    }

    @Test
    void anEntryWhoseClassificationKeepsFailingIsDeadLetteredAfterMaxDeliveries() {
        FailingEngine failing = new FailingEngine();
        add("doomed", "count me in for saturday!");
        start(
                failing,
                new StreamConsumerSettings(
                        RedisNames.COMMENTS_STREAM,
                        RedisNames.GEAR_GROUP,
                        "gear-failing",
                        16,
                        MAX_WAIT,
                        Duration.ofMillis(300),
                        Duration.ofMillis(100),
                        3));

        await().atMost(PATIENCE).until(() -> new DeadLetters(redis).size() == 1 && pending() == 0);

        DeadLetter letter = new DeadLetters(redis).list(1).get(0);
        assertThat(letter.source()).isEqualTo(RedisNames.COMMENTS_STREAM);
        assertThat(letter.error()).contains("3 deliveries");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(Json.read(letter.fields().get("event"), InboundEvent.class).externalId())
                .isEqualTo("doomed");
        assertThat(failing.predictions()).isEqualTo(3);
        assertThat(redis.xlen(RedisNames.CLASSIFIED_STREAM)).isZero();
    }

    private Gear start(InferenceEngine engine, StreamConsumerSettings settings) {
        Gear gear = new Gear(TestRedis.client(), engine, settings, 100_000);
        gears.add(gear);
        gear.start();
        return gear;
    }

    private static StreamConsumerSettings settings(String consumer, int batchSize) {
        return new StreamConsumerSettings(
                RedisNames.COMMENTS_STREAM,
                RedisNames.GEAR_GROUP,
                consumer,
                batchSize,
                MAX_WAIT,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                5);
    }

    /** Adds one featurised comment for intent v1 and returns its event key. */
    private String add(String id, String text) {
        redis.xadd(RedisNames.COMMENTS_STREAM, message(id, text, 1).toFields());
        return key(id);
    }

    private List<String> addMany(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> add(prefix + i, "I can help on day " + i))
                .toList();
    }

    private Map<String, byte[]> fields(String id, String text) {
        return new LinkedHashMap<>(message(id, text, 1).toFields());
    }

    private static FeaturisedMessage message(String id, String text, int version) {
        return new FeaturisedMessage(
                event(id, text), Map.of("intent", new Features(version, featuriser.featurise(text))));
    }

    private static InboundEvent event(String id, String text) {
        return new InboundEvent(
                key(id),
                EventKind.COMMENT,
                "page-1",
                id,
                "post-1",
                null,
                "add",
                "person-" + id,
                null,
                text,
                null,
                Instant.parse("2025-06-01T10:00:00Z"),
                Instant.parse("2025-06-01T10:00:01Z"));
    }

    private static String key(String id) {
        return "comment:" + id + ":add";
    }

    private void awaitClassified(int count) {
        await().atMost(PATIENCE).until(() -> redis.xlen(RedisNames.CLASSIFIED_STREAM) >= count && pending() == 0);
    }

    private long pending() {
        return redis.xpending(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP).getCount();
    }

    private List<ClassifiedMessage> classified() {
        return redis.xrange(RedisNames.CLASSIFIED_STREAM, Range.create("-", "+")).stream()
                .map(entry -> ClassifiedMessage.fromFields(entry.getBody()))
                .toList();
    }

    private List<String> classifiedKeys() {
        return classified().stream().map(m -> m.event().key()).toList();
    }

    private static ClassifiedMessage message(List<ClassifiedMessage> classified, String id) {
        return classified.stream()
                .filter(m -> m.event().externalId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
