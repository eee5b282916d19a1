package org.voluntree.app.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.mail.EmailJob;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.signup.SignupRequest;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;
import tools.jackson.databind.JsonNode;

/** Facebook's data deletion callback, signed as Facebook signs it, against real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class DataDeletionIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignupStore signups;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    long org;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        jdbc.update("truncate data_deletions, erased_people");
        List<String> leftOver = redis.sync().keys(RedisNames.conversation("*", "*", MAYA_PSID));
        if (!leftOver.isEmpty()) {
            redis.sync().del(leftOver.toArray(String[]::new));
        }
        org = fixture.organisation("Shelter", "777");
        long page = fixture.page(org);
        for (String person : new String[] {"gone-1", "stays-2"}) {
            jdbc.update("""
                    insert into messages (organisation_id, page_id, external_id, kind, author_id, author_name, text,
                                          created_at, received_at)
                    values (?, ?, ?, 'COMMENT', ?, 'Someone', 'count me in', now(), now())
                    """, org, page, "c-" + person, person);
            jdbc.update("""
                    insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                    values (?, ?, 'Someone', now())
                    """, org, person);
        }
        jdbc.update("insert into opt_outs (organisation_id, facebook_user_id) values (?, 'gone-1')", org);
    }

    @Test
    void erasesThePersonAndAnswersACodeWithAStatusUrl() throws Exception {
        HttpResponse<String> response = post(SignedRequest.forUser("gone-1", TestServers.APP_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        String code = body.path("confirmation_code").asString();
        assertThat(code).isNotBlank();
        assertThat(body.path("url").asString()).endsWith("/webhooks/facebook/data-deletion/" + code);
        assertThat(jdbc.queryForList("select author_id from messages", String.class))
                .containsExactly("stays-2");
        assertThat(jdbc.queryForList("select facebook_user_id from volunteers", String.class))
                .containsExactly("stays-2");
        assertThat(jdbc.queryForObject("select count(*) from opt_outs", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from data_deletions where user_hash like '%gone-1%'", Integer.class))
                .as("the id is kept only as a hash")
                .isZero();

        HttpResponse<String> status = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(body.path("url").asString()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"completed\"").contains("\"messagesDeleted\":1");
    }

    @Test
    void refusesARequestNotSignedWithTheAppSecretAndDeletesNothing() throws Exception {
        HttpResponse<String> forged = post(SignedRequest.forUser("gone-1", "another-secret"));
        HttpResponse<String> garbage = post("not-a-signed-request");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("signature does not match");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from messages", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from volunteers", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aRequestForTheMessengerIdErasesWhatWasMergedIntoTheCommenterToo() throws Exception {
        Maya maya = commentedThenSignedUpInMessenger();

        JsonNode status = statusOf(post(SignedRequest.forUser(MAYA_PSID, TestServers.APP_SECRET)));

        assertErased(maya);
        assertThat(status.path("status").asString()).isEqualTo("completed");
        assertThat(status.path("messagesDeleted").asInt())
                .as("her comment and her Messenger messages")
                .isEqualTo(maya.messages());
        assertThat(status.path("volunteersDeleted").asInt())
                .as("the commenter's row and the Messenger row merged into it")
                .isEqualTo(2);
    }

    @Test
    void aRequestForTheCommenterIdErasesTheMessengerIdMergedIntoIt() throws Exception {
        Maya maya = commentedThenSignedUpInMessenger();

        JsonNode status = statusOf(post(SignedRequest.forUser(MAYA_COMMENTER, TestServers.APP_SECRET)));

        assertErased(maya);
        assertThat(status.path("status").asString()).isEqualTo("completed");
        assertThat(status.path("messagesDeleted").asInt()).isEqualTo(maya.messages());
        assertThat(status.path("volunteersDeleted").asInt()).isEqualTo(2);
    }

    @Test
    void thePersonsEventsStillInThePipelineAreRemovedFromEveryQueueAndStream() throws Exception {
        TestRedis.flush();
        commentedThenSignedUpInMessenger();
        InboundEvent comment = event("c-maya-2", EventKind.COMMENT, MAYA_COMMENTER, null, "see you saturday");
        InboundEvent message = event("m-maya-3", EventKind.MESSAGE, MAYA_PSID, null, "what time again?");
        InboundEvent answer = event("m-page-4", EventKind.MESSAGE, "777", MAYA_PSID, "9am, see you there");
        InboundEvent other = event("c-stays", EventKind.COMMENT, "stays-2", null, "count me in");
        RedisCommands<String, byte[]> r = redis.sync();
        String processing = RedisNames.processingList(RedisNames.PREPROCESS_QUEUE, "worker-1");
        r.lpush(RedisNames.PREPROCESS_QUEUE, Json.write(comment), Json.write(other));
        r.lpush(processing, Json.write(message), Json.write(other));
        for (InboundEvent e : List.of(comment, message, answer, other)) {
            r.xadd(RedisNames.COMMENTS_STREAM, new FeaturisedMessage(e, Map.of()).toFields());
            r.xadd(RedisNames.CLASSIFIED_STREAM, new FeaturisedMessage(e, Map.of()).toFields());
            r.lpush(RedisNames.REPLY_QUEUE, Json.write(new MessageToAnswer(org, 1, e, Map.of())));
        }
        r.lpush(
                RedisNames.EMAIL_QUEUE,
                Json.write(pinMail("maya@example.org", message)),
                Json.write(pinMail("s@x.org", other)));
        // notices that waited for Redis (job_outbox): hers goes, the other person's stays
        jdbc.update("truncate job_outbox");
        for (InboundEvent e : List.of(message, other)) {
            jdbc.update("insert into job_outbox (queue, job) values ('q:reply', ?)", (Object)
                    Json.write(new MessageToAnswer(org, 1, e, Map.of(), "slot_reminder|1|2|3")));
        }
        DeadLetters dead = new DeadLetters(r);
        dead.addListItem(RedisNames.PREPROCESS_QUEUE, Json.write(message), "failed", 5);
        dead.addStreamEntry(RedisNames.CLASSIFIED_STREAM, new FeaturisedMessage(answer, Map.of()).toFields(), "x", 1);
        dead.addListItem(RedisNames.PREPROCESS_QUEUE, Json.write(other), "failed", 5);

        statusOf(post(SignedRequest.forUser(MAYA_PSID, TestServers.APP_SECRET)));

        assertThat(r.lrange(RedisNames.PREPROCESS_QUEUE, 0, -1))
                .extracting(this::externalId)
                .containsExactly("c-stays");
        assertThat(r.lrange(processing, 0, -1)).extracting(this::externalId).containsExactly("c-stays");
        assertThat(r.lrange(RedisNames.REPLY_QUEUE, 0, -1))
                .extracting(job -> Json.read(job, MessageToAnswer.class).event().externalId())
                .as("the page's answer to her goes too")
                .containsExactly("c-stays");
        for (String stream : List.of(RedisNames.COMMENTS_STREAM, RedisNames.CLASSIFIED_STREAM)) {
            assertThat(r.xrange(stream, Range.create("-", "+")))
                    .extracting(entry -> externalId(entry.getBody().get("event")))
                    .as(stream)
                    .containsExactly("c-stays");
        }
        assertThat(r.lrange(RedisNames.EMAIL_QUEUE, 0, -1))
                .extracting(job -> Json.read(job, EmailJob.class).to())
                .as("her PIN e-mail, not yet sent")
                .containsExactly("s@x.org");
        assertThat(dead.list(10)).extracting(l -> externalId(l.payload())).containsExactly("c-stays");
        assertThat(jdbc.queryForList("select job from job_outbox", byte[].class))
                .extracting(job -> Json.read(job, MessageToAnswer.class).event().externalId())
                .containsExactly("c-stays");
        assertThat(jdbc.queryForObject("select count(*) from erased_people", Integer.class))
                .as("both of her ids, the one asked for and the one merged with it")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from erased_people where user_hash in (?, ?)",
                        Integer.class,
                        MAYA_PSID,
                        MAYA_COMMENTER))
                .as("kept only as hashes")
                .isZero();
    }

    private EmailJob pinMail(String to, InboundEvent typedIn) {
        return new EmailJob(
                "pin:" + typedIn.externalId(),
                org,
                to,
                "Your code",
                "Your confirmation code is 123456.",
                new MessageToAnswer(org, 1, typedIn, Map.of()));
    }

    private String externalId(byte[] eventJson) {
        return Json.read(eventJson, InboundEvent.class).externalId();
    }

    private static InboundEvent event(String id, EventKind kind, String author, String recipient, String text) {
        Instant now = Instant.now();
        return new InboundEvent(id, kind, "777", id, null, null, "add", author, null, text, null, now, now, recipient);
    }

    // -----------------------------------------------------------------------------------------------------

    private static final String MAYA_COMMENTER = "287179182208494";
    private static final String MAYA_PSID = "2001";
    private static final String MAYA_EMAIL = "maya@example.org";

    /** What the Messenger dialog leaves behind for Maya: the ids her messages and slot carry. */
    private record Maya(long signupId, long slotId, int messages) {}

    /**
     * Maya comments under her app-scoped id, accepts the offer in Messenger under her page-scoped id
     * (merged into the commenter, as the dialog does), verifies her e-mail and takes a slot.
     */
    private Maya commentedThenSignedUpInMessenger() {
        long page = fixture.page(org);
        message(page, "c-maya", "COMMENT", MAYA_COMMENTER, "Maya Cruz", "count me in");
        message(page, "m-yes", "POSTBACK", MAYA_PSID, null, "Yes, sign me up");
        long typed = message(page, "m-email", "MESSAGE", MAYA_PSID, null, "Maya@Example.org");
        message(page, "m-pin", "MESSAGE", MAYA_PSID, null, "123456");
        message(page, "m-slot", "MESSAGE", MAYA_PSID, null, "#1");
        jdbc.update("""
                insert into replies (organisation_id, message_id, target_id, kind, intent, text, status)
                values (?, ?, ?, 'private', 'pin_sent', ?, 'sent')
                """, org, typed, "m-email", "We emailed a 6-digit code to " + MAYA_EMAIL);
        jdbc.update("""
                insert into hand_replies (organisation_id, facebook_page_id, psid, text, status)
                values (?, '777', ?, ?, 'sent')
                """, org, MAYA_PSID, "Hi Maya, we'll write to " + MAYA_EMAIL);

        signups.volunteer(org, MAYA_PSID, null);
        signups.sameAsCommenter(org, MAYA_PSID, "c-maya");
        long volunteer = signups.volunteer(org, MAYA_PSID, null);
        signups.verifiedEmail(volunteer, MAYA_EMAIL);
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long signup = signups.create(
                org,
                new SignupRequest(
                        "Food sort",
                        null,
                        null,
                        null,
                        List.of(new SignupRequest.SlotRequest(null, day, day.plus(3, ChronoUnit.HOURS), "Morning", 2)),
                        null));
        long slot = signups.allSlots(signup).get(0).id();
        assertThat(signups.assign(signup, slot, volunteer, "messenger").outcome())
                .isEqualTo(SignupStore.Assignment.CONFIRMED);
        redis.sync()
                .set(
                        RedisNames.conversation("dialog", "777", MAYA_PSID),
                        ("{\"step\":\"CHOOSE_SLOTS\",\"email\":\"" + MAYA_EMAIL + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
        redis.sync().set(RedisNames.conversation("window", "777", MAYA_PSID), "1".getBytes(StandardCharsets.UTF_8));
        assertThat(rowsHolding(MAYA_EMAIL)).as("the fixture holds her e-mail").isNotEmpty();
        return new Maya(signup, slot, 5);
    }

    private void assertErased(Maya maya) {
        assertThat(rowsHolding(MAYA_EMAIL))
                .as("no row anywhere holds her e-mail")
                .isEmpty();
        assertThat(jdbc.queryForList("select facebook_user_id from volunteers", String.class))
                .as("everyone else stays")
                .containsExactlyInAnyOrder("gone-1", "stays-2");
        assertThat(jdbc.queryForList("select author_id from messages", String.class))
                .containsExactlyInAnyOrder("gone-1", "stays-2");
        assertThat(jdbc.queryForObject("select count(*) from hand_replies", Integer.class))
                .isZero();
        assertThat(signups.volunteersBySlot(maya.signupId()))
                .singleElement()
                .satisfies(slot ->
                        assertThat(slot.volunteers()).as("her place is free").isEmpty());
        assertThat(redis.sync().keys(RedisNames.conversation("*", "*", MAYA_PSID)))
                .as("her dialog (with the e-mail) and its markers")
                .isEmpty();
    }

    /** Every table and text column in which some row contains the needle. */
    private List<String> rowsHolding(String needle) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                 where table_schema = current_schema() and data_type in ('text', 'jsonb', 'character varying')
                """)) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            Integer rows = jdbc.queryForObject(
                    "select count(*) from \"" + table + "\" where lower(\"" + name + "\"::text) like ?",
                    Integer.class,
                    "%" + needle.toLowerCase() + "%");
            if (rows > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    private long message(long page, String externalId, String kind, String author, String name, String text) {
        return jdbc.queryForObject("""
                insert into messages (organisation_id, page_id, external_id, kind, author_id, author_name, text,
                                      created_at, received_at)
                values (?, ?, ?, ?, ?, ?, ?, now(), now()) returning id
                """, Long.class, org, page, externalId, kind, author, name, text);
    }

    private JsonNode statusOf(HttpResponse<String> deletion) throws IOException, InterruptedException {
        assertThat(deletion.statusCode()).isEqualTo(200);
        HttpResponse<String> status = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Json.MAPPER
                                        .readTree(deletion.body())
                                        .path("url")
                                        .asString()))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(status.body());
    }

    private HttpResponse<String> post(String signedRequest) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/webhooks/facebook/data-deletion"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
