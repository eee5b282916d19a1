package org.voluntree.app.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.voluntree.app.deletion.Erasures;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.ClassifiedMessage;
import org.voluntree.contracts.event.ClassifiedMessage.Classification;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.stream.StreamBatchHandler.Outcome;
import org.voluntree.contracts.testing.TestRedis;
import tools.jackson.databind.JsonNode;

/** The writer against real PostgreSQL and Redis, driven with the records the gear writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OrganisationFixture.class)
@DirtiesContext
class ClassifiedWriterIT {

    private static final String PAGE = "100000000000077";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        // no role that reads the streams: the test drives the writer itself
        TestServers.register(registry, "scheduler");
    }

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageStore store;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Erasures erasures;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    ClassifiedWriter writer;
    long organisationId;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        fixture.deleteAllOrganisations();
        jdbc.update("truncate erased_people");
        organisationId = fixture.organisation("Harbour Cleanup", PAGE);
        writer = new ClassifiedWriter(store, erasures, transaction, redis, 0.6);
    }

    @Test
    void storesMessagesClassificationsVolunteersAndInterests() {
        Outcome outcome = writer.handle(List.of(
                entry("1-0", comment("c1", "u1", "count me in!"), "volunteer", 0.97f),
                entry("2-0", comment("c2", "u2", "where do we park?"), "event_question", 0.9f),
                entry("3-0", comment("c3", "u3", "maybe i could come"), "volunteer", 0.41f)));

        assertThat(outcome.done()).containsExactly("1-0", "2-0", "3-0");
        assertThat(outcome.rejected()).isEmpty();
        assertThat(jdbc.queryForList("select external_id from messages order by external_id", String.class))
                .containsExactly("c1", "c2", "c3");
        assertThat(jdbc.queryForList("""
                select m.external_id || '=' || c.label from classifications c join messages m on m.id = c.message_id
                 where c.analyzer = 'intent' order by m.external_id
                """, String.class))
                .containsExactly("c1=volunteer", "c2=event_question", "c3=volunteer");
        // only the confident volunteer becomes a volunteer with an interest
        assertThat(jdbc.queryForList("select facebook_user_id from volunteers", String.class))
                .containsExactly("u1");
        assertThat(jdbc.queryForObject("select count(*) from interests", Integer.class))
                .isEqualTo(1);
        // every stored message waits for its reply handler
        assertThat(redis.sync().lrange(RedisNames.REPLY_QUEUE, 0, -1))
                .extracting(job -> Json.read(job, MessageToAnswer.class).event().externalId())
                .containsExactlyInAnyOrder("c1", "c2", "c3");
    }

    @Test
    void writingTheSameEntriesAgainChangesNothing() {
        List<StreamMessage<String, byte[]>> batch = List.of(
                entry("1-0", comment("c1", "u1", "count me in!"), "volunteer", 0.97f),
                entry("2-0", comment("c2", "u2", "thanks so much"), "appreciation", 0.88f));
        writer.handle(batch);
        Map<String, List<Map<String, Object>>> before = snapshot();

        Outcome replay = writer.handle(batch);

        assertThat(replay.done()).containsExactly("1-0", "2-0");
        // equal values and equal xmin: not one row was rewritten
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void publishesOneEventPerStoredMessageOnItsOrganisationsChannel() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (var sub = listen(received)) {
            writer.handle(List.of(entry("1-0", comment("c1", "u1", "count me in!"), "volunteer", 0.97f)));

            await().until(() -> received.size() == 1);
            assertThat(received.get(0))
                    .startsWith(RedisNames.orgEvents(organisationId))
                    .contains("\"type\":\"message.classified\"")
                    .contains("\"externalId\":\"c1\"")
                    .contains("\"label\":\"volunteer\"")
                    .contains("\"volunteerId\":");
        }
    }

    @Test
    void eventsSayHowTheDashboardShowsTheSentimentAsTheApiDoes() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (var sub = listen(received)) {
            writer.handle(List.of(
                    withSentiment("1-0", comment("c1", "u1", "thank you so much!"), 0.95f),
                    withSentiment("2-0", comment("c2", "u2", "see you saturday"), 0.6f)));

            await().until(() -> received.size() == 2);
            Map<String, String> shown = new HashMap<>();
            for (String event : received) {
                JsonNode json = Json.MAPPER.readTree(event.substring(event.indexOf(' ') + 1));
                shown.put(
                        json.path("externalId").asString(),
                        json.path("classifications")
                                .path("sentiment")
                                .path("shown")
                                .asString());
                assertThat(json.path("classifications").path("intent").has("shown"))
                        .as("only sentiment has a shown label")
                        .isFalse();
            }
            assertThat(shown)
                    .as("confident: its label; not confident: neutral (SQL sentiment_shown)")
                    .containsEntry("c1", "positive")
                    .containsEntry("c2", "neutral");
        }
    }

    @Test
    void aMessageTheDialogTookAsAnAnswerIsAnnouncedUncolouredWhenItIsWrittenAgain() throws Exception {
        StreamMessage<String, byte[]> pin = withSentiment("1-0", messengerMessage("m1", "p1", "482913"), 0.97f);
        writer.handle(List.of(pin));
        // what the Messenger dialog does once it took the PIN (DialogAnswers)
        jdbc.update("update messages set dialog_answer = true where external_id = 'm1'");
        List<String> received = new CopyOnWriteArrayList<>();
        try (var sub = listen(received)) {
            // the batch replayed (the writer stopped before acknowledging it), or the message classified again
            writer.handle(List.of(pin));

            await().until(() -> received.size() == 1);
            JsonNode event = Json.MAPPER.readTree(
                    received.get(0).substring(received.get(0).indexOf(' ') + 1));
            assertThat(event.path("classifications")
                            .path("sentiment")
                            .path("shown")
                            .asString())
                    .as("as /api/messages shows it: an answer, not an opinion")
                    .isEqualTo("neutral");
            assertThat(event.path("classifications")
                            .path("sentiment")
                            .path("label")
                            .asString())
                    .as("the model's verdict is still there")
                    .isEqualTo("positive");
        }
    }

    @Test
    void rejectsMessagesOfAPageNoOrganisationConnectedAndStoresTheRest() {
        InboundEvent stranger = new InboundEvent(
                "c:x:add",
                EventKind.COMMENT,
                "999",
                "x1",
                "999_1",
                null,
                "add",
                "u9",
                "Zed",
                "count me in",
                null,
                Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:01Z"));

        Outcome outcome = writer.handle(List.of(
                entry("1-0", stranger, "volunteer", 0.99f),
                entry("2-0", comment("c2", "u2", "i'm in"), "volunteer", 0.95f)));

        assertThat(outcome.done()).containsExactly("2-0");
        assertThat(outcome.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("page 999 is not connected"));
        assertThat(jdbc.queryForList("select external_id from messages", String.class))
                .containsExactly("c2");
    }

    @Test
    void aRemovedCommentKeepsItsRowButLosesWhatThePersonWrote() {
        writer.handle(List.of(entry("1-0", comment("c1", "u1", "count me in!"), "volunteer", 0.97f)));
        InboundEvent removal = new InboundEvent(
                "c:c1:remove",
                EventKind.COMMENT,
                PAGE,
                "c1",
                PAGE + "_1",
                null,
                "remove",
                "u1",
                null,
                null,
                null,
                Instant.parse("2026-11-25T11:00:00Z"),
                Instant.parse("2026-11-25T11:00:01Z"));

        writer.handle(List.of(new StreamMessage<>(
                RedisNames.CLASSIFIED_STREAM, "2-0", new ClassifiedMessage(removal, Map.of()).toFields())));

        Map<String, Object> row =
                jdbc.queryForMap("select text, author_name, removed_at from messages where external_id = 'c1'");
        assertThat(row.get("text")).isNull();
        assertThat(row.get("author_name")).isNull();
        assertThat(row.get("removed_at")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from interests", Integer.class))
                .as("a removed offer is no offer")
                .isZero();
    }

    @Test
    void anOfferEditedIntoSomethingElseIsNoLongerAnInterest() {
        writer.handle(List.of(
                entry("1-0", comment("c1", "u1", "count me in!"), "volunteer", 0.97f),
                entry("2-0", comment("c2", "u2", "I can help saturday"), "volunteer", 0.95f)));
        InboundEvent edited = edit("c1", "u1", "Name u1", "sorry, I can't come after all", "2026-11-25T11:00:00Z");

        writer.handle(List.of(entry("3-0", edited, "other", 0.93f)));

        assertThat(jdbc.queryForList(
                        "select m.external_id from interests i join messages m on m.id = i.message_id", String.class))
                .containsExactly("c2");
        assertThat(jdbc.queryForList("select facebook_user_id from volunteers order by facebook_user_id", String.class))
                .as("the person stays known")
                .containsExactly("u1", "u2");
    }

    @Test
    void aBatchHoldingACommentAndItsEditStoresItOnceWithTheEditedText() {
        InboundEvent added = comment("c1", "u1", "count me in!");
        InboundEvent edited = edit("c1", "u1", null, "count me in! both days", "2026-11-25T10:05:00Z");

        Outcome outcome = writer.handle(List.of(
                entry("1-0", added, "volunteer", 0.97f),
                entry("2-0", comment("c2", "u1", "and my sister too"), "volunteer", 0.91f),
                entry("3-0", edited, "volunteer", 0.98f)));

        assertThat(outcome.done()).containsExactly("1-0", "2-0", "3-0");
        assertThat(jdbc.queryForList(
                        "select external_id || '|' || text || '|' || author_name || '|' || created_at::text"
                                + " from messages order by external_id",
                        String.class))
                .as("one row a comment: written when it was added, its last text, the name it was given")
                .containsExactly(
                        "c1|count me in! both days|Name u1|2026-11-25 10:00:00+00",
                        "c2|and my sister too|Name u1|2026-11-25 10:00:00+00");
        assertThat(jdbc.queryForList(
                        "select c.score from classifications c join messages m on m.id = c.message_id"
                                + " where m.external_id = 'c1'",
                        Float.class))
                .as("the verdict on the last version")
                .containsExactly(0.98f);
        assertThat(jdbc.queryForList("select facebook_user_id || '|' || name from volunteers", String.class))
                .as("one volunteer for the person's two offers")
                .containsExactly("u1|Name u1");
        assertThat(jdbc.queryForObject("select count(*) from interests", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void storesEveryScoreExactlyAsTheGearComputedIt() {
        float[] scores = {1.0e-7f, 0.1f, 0.33333334f, 0.56666666f};
        ClassifiedMessage message = new ClassifiedMessage(
                comment("c1", "u1", "what time do we start?"),
                Map.of("intent", new Classification(3, "event_question", scores)));

        writer.handle(List.of(new StreamMessage<>(RedisNames.CLASSIFIED_STREAM, "1-0", message.toFields())));

        Float[] stored =
                jdbc.queryForObject("select scores from classifications where analyzer = 'intent'", (rs, row) ->
                        (Float[]) rs.getArray(1).getArray());
        assertThat(stored).containsExactly(1.0e-7f, 0.1f, 0.33333334f, 0.56666666f);
    }

    @Test
    void aMessageWrittenBeforeItsAuthorWasErasedIsAcknowledgedButNeverStoredNorAnswered() {
        // what the data deletion records: a SHA-256 of the id, and when
        jdbc.update("""
                insert into erased_people (user_hash, erased_at)
                values (encode(sha256(convert_to('u9', 'UTF8')), 'hex'), '2026-11-25T12:00:00Z')
                """);
        InboundEvent inFlight = comment("c1", "u9", "count me in!"); // written at 10:00
        InboundEvent writtenAfter = writtenAt(comment("c2", "u9", "me again, count me in"), "2026-11-25T13:00:00Z");
        InboundEvent someoneElse = comment("c3", "u1", "count me in too");

        Outcome outcome = writer.handle(List.of(
                entry("1-0", inFlight, "volunteer", 0.97f),
                entry("2-0", writtenAfter, "volunteer", 0.97f),
                entry("3-0", someoneElse, "volunteer", 0.97f)));

        assertThat(outcome.done()).containsExactly("1-0", "2-0", "3-0");
        assertThat(jdbc.queryForList("select external_id from messages order by external_id", String.class))
                .containsExactly("c2", "c3");
        assertThat(redis.sync().lrange(RedisNames.REPLY_QUEUE, 0, -1))
                .extracting(job -> Json.read(job, MessageToAnswer.class).event().externalId())
                .containsExactlyInAnyOrder("c2", "c3");
    }

    @Test
    void rejectsAnEntryItCannotRead() {
        StreamMessage<String, byte[]> broken =
                new StreamMessage<>(RedisNames.CLASSIFIED_STREAM, "1-0", Map.of("event", "{not json".getBytes()));

        Outcome outcome = writer.handle(List.of(broken));

        assertThat(outcome.done()).isEmpty();
        assertThat(outcome.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("malformed entry"));
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "messages", jdbc.queryForList("select *, xmin::text as version from messages order by id"),
                "classifications", jdbc.queryForList("""
                        select message_id, analyzer, model_version, label, score, scores::text as scores,
                               xmin::text as version
                          from classifications order by message_id, analyzer
                        """),
                "volunteers", jdbc.queryForList("select *, xmin::text as version from volunteers order by id"),
                "interests", jdbc.queryForList("select *, xmin::text as version from interests order by id"));
    }

    private static InboundEvent comment(String id, String author, String text) {
        return new InboundEvent(
                "c:" + id + ":add",
                EventKind.COMMENT,
                PAGE,
                id,
                PAGE + "_1",
                null,
                "add",
                author,
                "Name " + author,
                text,
                null,
                Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:01Z"));
    }

    /** The comment's edit as Facebook sends it: same comment id, verb "edited", the new text. */
    private static InboundEvent edit(String id, String author, String authorName, String text, String at) {
        Instant written = Instant.parse(at);
        return new InboundEvent(
                "c:" + id + ":edited:" + written.getEpochSecond(),
                EventKind.COMMENT,
                PAGE,
                id,
                PAGE + "_1",
                null,
                "edited",
                author,
                authorName,
                text,
                null,
                written,
                written.plusSeconds(1));
    }

    private static InboundEvent writtenAt(InboundEvent e, String at) {
        Instant written = Instant.parse(at);
        return new InboundEvent(
                e.key(),
                e.kind(),
                e.pageId(),
                e.externalId(),
                e.postId(),
                e.parentId(),
                e.verb(),
                e.authorId(),
                e.authorName(),
                e.text(),
                e.payload(),
                written,
                written.plusSeconds(1),
                e.recipientId());
    }

    private static InboundEvent messengerMessage(String mid, String psid, String text) {
        return new InboundEvent(
                "m:" + mid,
                EventKind.MESSAGE,
                PAGE,
                mid,
                null,
                null,
                "add",
                psid,
                null,
                text,
                null,
                Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:01Z"));
    }

    /** Subscribes to the organisation's events: each arrives in the list as "channel message". */
    private StatefulRedisPubSubConnection<String, String> listen(List<String> received) {
        StatefulRedisPubSubConnection<String, String> sub = TestRedis.client().connectPubSub();
        sub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(channel + " " + message);
            }
        });
        sub.sync().subscribe(RedisNames.orgEvents(organisationId));
        return sub;
    }

    /** An entry whose sentiment is positive with the given probability, its intent volunteer. */
    private static StreamMessage<String, byte[]> withSentiment(String id, InboundEvent event, float positive) {
        ClassifiedMessage message = new ClassifiedMessage(
                event,
                Map.of(
                        "intent", new Classification(3, "volunteer", new float[] {0.9f, 0.1f}),
                        "sentiment", new Classification(2, "positive", new float[] {1 - positive, positive})));
        return new StreamMessage<>(RedisNames.CLASSIFIED_STREAM, id, message.toFields());
    }

    private static StreamMessage<String, byte[]> entry(String id, InboundEvent event, String intent, float score) {
        float[] scores = new float[] {score, 1 - score};
        ClassifiedMessage message =
                new ClassifiedMessage(event, Map.of("intent", new Classification(3, intent, scores)));
        return new StreamMessage<>(RedisNames.CLASSIFIED_STREAM, id, message.toFields());
    }
}
