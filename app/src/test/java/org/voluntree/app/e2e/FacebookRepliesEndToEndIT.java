package org.voluntree.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.testing.AdminApi;
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.AppProcesses;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.SandboxClient;
import org.voluntree.app.testing.SandboxClient.RecordedCall;
import org.voluntree.app.testing.SandboxClient.SandboxPage;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.testing.WebhookClient;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisNames;
import tools.jackson.databind.JsonNode;

/**
 * Comment replies through the whole real pipeline — signed webhook, {@code q:preprocess}, workers, the
 * gear with the bundled TensorFlow models, the writer, {@code q:reply}, reply workers — answered through
 * the Graph API into this app's own Facebook sandbox, which records what "Facebook" received. What
 * Facebook and the network do wrong is played by the sandbox: retried deliveries, a worker that dies
 * while its call is in flight, a revoked token, a rate limit, events the system does not handle.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "voluntree.facebook.sandbox.enabled=true",
            "voluntree.facebook.sandbox.calls-per-window=100000",
            "voluntree.gear.max-wait=20ms",
            "voluntree.writer.max-wait=20ms",
            "voluntree.queue.heartbeat-every=1s",
            "voluntree.queue.stale-after=5s",
            "voluntree.queue.retry-backoff=200ms",
            "voluntree.queue.max-retry-backoff=5s",
            "voluntree.facebook.usage-pause=3s",
            "voluntree.pages.reconnect-check-every=1s",
            "voluntree.facebook.read-timeout=3s"
        })
@Import(OrganisationFixture.class)
@DirtiesContext
class FacebookRepliesEndToEndIT {

    private static final AtomicLong PAGE_IDS = new AtomicLong(100000000000700L);
    private static final String ADMIN = "ana@riverside.example";
    private static final String PASSWORD = "correct horse battery";
    /**
     * A volunteer comment the bundled models read as intent {@code volunteer} and offense {@code neither}
     * (offensive comments are left to moderation, so they never get an automatic reply).
     */
    private static final String VOLUNTEERING = "I can help on Saturday";

    private static final Duration PIPELINE = Duration.ofSeconds(60);
    private static final String ALREADY_OFFERED =
            "the person was already offered this signup; one offer per person while it is open";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers,gear,scheduler");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatefulRedisConnection<String, byte[]> connection;

    @Autowired
    ApplicationContext context;

    RedisCommands<String, byte[]> redis;
    SandboxClient sandbox;
    WebhookClient facebook;
    long organisationId;
    AdminApi api;
    Process workerProcess;
    final AppProcesses processes = new AppProcesses(TestServers.APP_SECRET);

    @BeforeEach
    void setUp() {
        redis = connection.sync();
        fixture.deleteAllOrganisations();
        // what an earlier test (or test class, on the same Redis) left behind is not this test's business
        for (String queue : List.of(RedisNames.PREPROCESS_QUEUE, RedisNames.REPLY_QUEUE)) {
            redis.del(queue, RedisNames.delayed(queue), RedisNames.attempts(queue));
        }
        redis.del(RedisNames.DEAD_STREAM);
        organisationId = fixture.organisation("Riverside Food Bank");
        fixture.admin(organisationId, ADMIN, PASSWORD, "owner");
        api = new AdminApi(port, ADMIN, PASSWORD);
        sandbox = new SandboxClient(port);
        facebook = new WebhookClient(port, TestServers.APP_SECRET);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (workerProcess != null && workerProcess.isAlive()) {
            workerProcess.destroyForcibly().waitFor();
        }
        sandbox.releaseHeldAnswers();
        SmartLifecycle replyWorkers = replyWorkers();
        if (!replyWorkers.isRunning()) {
            replyWorkers.start();
        }
    }

    @Test
    void aVolunteerGetsOnePublicAndOnePrivateReplyThoughFacebookDeliversThriceAndTheWorkerDiesMidSend()
            throws Exception {
        Connected page = connectPage("Riverside Food Bank");
        // the only reply worker is a separate process, so that it can really be killed
        replyWorkers().stop();
        workerProcess = startWorkersProcess();
        await("the separate workers process drains q:reply")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> redis.hkeys(RedisNames.consumerHeartbeats(RedisNames.REPLY_QUEUE)).stream()
                        .anyMatch(consumer -> consumer.startsWith(workerProcess.pid() + "-")));
        // Facebook carries out the public reply, but its answer never reaches the worker
        sandbox.hold("/comments", "POST", 1);

        JsonNode delivery =
                sandbox.comment(page.sandbox().id(), page.postId(), "2000000000042", "Maya Cruz", VOLUNTEERING);
        String commentId = SandboxClient.commentId(delivery);
        byte[] sameDelivery = Json.write(delivery.path("payload"));
        for (int retry = 0; retry < 2; retry++) {
            // Facebook retries a delivery it thinks failed
            assertThat(facebook.postSigned(sameDelivery).body()).contains("\"duplicates\":1");
        }
        await("the worker process's public reply reached Facebook, its answer held")
                .atMost(PIPELINE)
                .until(() -> sandbox.heldAnswers() == 1);
        assertThat(sandbox.calls(commentId + "/comments", "POST")).hasSize(1);

        workerProcess.destroyForcibly().waitFor();
        sandbox.releaseHeldAnswers();
        assertThat(replies(commentId))
                .as("the kill left the public reply claimed, not known to be sent")
                .containsExactly(entry("public", "pending"));

        // another worker takes over the dead one's job once the reaper has given it back
        replyWorkers().start();
        await("the surviving worker finishes the job")
                .atMost(PIPELINE)
                .untilAsserted(() ->
                        assertThat(replies(commentId)).containsOnly(entry("public", "sent"), entry("private", "sent")));
        assertThat(sandbox.calls(commentId + "/comments", "POST"))
                .as("public replies Facebook received")
                .extracting(RecordedCall::status)
                .containsExactly(200);
        assertThat(sandbox.messages(page.sandbox().id(), null))
                .as("private replies Facebook received")
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.path("commentId").asString()).isEqualTo(commentId);
                    assertThat(message.path("message").toString()).contains("Would you like to sign up?");
                });
        assertThat(jdbc.queryForObject("select count(*) from messages where external_id = ?", Integer.class, commentId))
                .isEqualTo(1);
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aPersonCommentingAgainOnAPostIsThankedAndOfferedOnceButOfferedAgainOnAnotherPost() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        String finn = "2000000009601";

        String first = SandboxClient.commentId(sandbox.comment(pageId, page.postId(), finn, "Finn Berg", VOLUNTEERING));
        await("the first comment is thanked and offered")
                .atMost(PIPELINE)
                .untilAsserted(() ->
                        assertThat(replies(first)).containsOnly(entry("public", "sent"), entry("private", "sent")));
        String again = SandboxClient.commentId(sandbox.comment(pageId, page.postId(), finn, "Finn Berg", VOLUNTEERING));

        await("the second is answered with nothing, and why")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(replies(again))
                        .containsOnly(
                                entry("public", "skipped: " + ALREADY_OFFERED),
                                entry("private", "skipped: " + ALREADY_OFFERED)));
        assertThat(sandbox.calls(again, null)).as("no second thank-you").isEmpty();
        assertThat(sandbox.messages(pageId, null))
                .as("one private offer")
                .extracting(m -> m.path("commentId").asString())
                .containsExactly(first);

        String otherPost = sandbox.publishPost(page.sandbox(), "Sunday: we sort the donations. Who can help?");
        String onOtherPost =
                SandboxClient.commentId(sandbox.comment(pageId, otherPost, finn, "Finn Berg", VOLUNTEERING));
        await("a comment on another post is thanked and offered")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(replies(onOtherPost))
                        .containsOnly(entry("public", "sent"), entry("private", "sent")));
        assertThat(sandbox.messages(pageId, null))
                .extracting(m -> m.path("commentId").asString())
                .containsExactly(first, onOtherPost);
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void twoCommentsOfAPersonAnsweredAtTheSameTimeOfferOnce() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        String sam = "2000000009602";

        List<String> comments = List.of(
                SandboxClient.commentId(sandbox.comment(pageId, page.postId(), sam, "Sam Lee", VOLUNTEERING)),
                SandboxClient.commentId(sandbox.comment(pageId, page.postId(), sam, "Sam Lee", VOLUNTEERING)));

        await("both comments are answered, or not").atMost(PIPELINE).untilAsserted(() -> {
            for (String comment : comments) {
                assertThat(replies(comment)).hasSize(2).doesNotContainValue("pending");
            }
        });
        assertThat(comments)
                .extracting(this::replies)
                .containsExactlyInAnyOrder(
                        Map.of("public", "sent", "private", "sent"),
                        Map.of("public", "skipped: " + ALREADY_OFFERED, "private", "skipped: " + ALREADY_OFFERED));
        assertThat(sandbox.messages(pageId, sam)).as("one private offer").hasSize(1);
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aConfirmedVolunteerIsNotOfferedAgainNorIsSomeoneWhoJustSaidNo() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        long slot = saturdayFoodDriveWithoutEmailCheck()
                .path("slots")
                .get(0)
                .path("id")
                .asLong();
        String finn = "2000000009603";
        String ria = "2000000009604";

        sandbox.comment(pageId, page.postId(), finn, "Finn Berg", VOLUNTEERING);
        sandbox.postback(pageId, finn, "Yes, sign me up", button(pageId, finn, 0));
        assertThat(SandboxClient.textOf(sandbox.nthMessage(pageId, finn, 2, PIPELINE)))
                .contains("Morning");
        sandbox.quickReply(pageId, finn, "#1", "SLOT|" + slot);
        assertThat(SandboxClient.textOf(sandbox.nthMessage(pageId, finn, 3, PIPELINE)))
                .startsWith("You're in!");
        sandbox.comment(pageId, page.postId(), ria, "Ria Sol", VOLUNTEERING);
        sandbox.postback(pageId, ria, "No, thanks", button(pageId, ria, 1));
        assertThat(SandboxClient.textOf(sandbox.nthMessage(pageId, ria, 2, PIPELINE)))
                .startsWith("No problem");

        String finnAgain =
                SandboxClient.commentId(sandbox.comment(pageId, page.postId(), finn, "Finn Berg", VOLUNTEERING));
        String riaAgain = SandboxClient.commentId(sandbox.comment(pageId, page.postId(), ria, "Ria Sol", VOLUNTEERING));

        String signedUp = "skipped: the person is already signed up for this signup";
        String declined = "skipped: the person declined this signup's offer less than 7 days ago";
        await("neither is thanked or offered again, and why").atMost(PIPELINE).untilAsserted(() -> {
            assertThat(replies(finnAgain)).containsOnly(entry("public", signedUp), entry("private", signedUp));
            assertThat(replies(riaAgain)).containsOnly(entry("public", declined), entry("private", declined));
        });
        awaitQueuesDrained();
        assertThat(sandbox.messages(pageId, finn)).hasSize(3);
        assertThat(sandbox.messages(pageId, ria)).hasSize(2);
        assertThat(sandbox.calls(finnAgain, null)).isEmpty();
        assertThat(sandbox.calls(riaAgain, null)).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aCommentReadAfterFacebooksSevenDaysGetsDirectionsInsteadOfAPromisedPrivateMessage() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        saturdayFoodDriveWithoutEmailCheck();
        String leo = "2000000009605";
        String ada = "2000000009606";

        // read late (the webhook was down; reconciliation reads back 14 days): Facebook no longer
        // takes a private reply to either comment
        String offer = SandboxClient.commentId(
                sandbox.commentWrittenAgo(pageId, page.postId(), leo, "Leo Park", VOLUNTEERING, Duration.ofDays(8)));
        String question = SandboxClient.commentId(sandbox.commentWrittenAgo(
                pageId, page.postId(), ada, "Ada Moss", "How do I sign up to volunteer?", Duration.ofDays(9)));

        String tooOld = "skipped: the comment is older than the 7 days Facebook allows a private reply";
        await("both are answered publicly only").atMost(PIPELINE).untilAsserted(() -> {
            assertThat(replies(offer)).containsOnly(entry("public", "sent"), entry("private", tooOld));
            assertThat(replies(question)).containsOnly(entry("public", "sent"), entry("private", tooOld));
        });
        assertThat(publicReply(offer))
                .isEqualTo("Thank you, Leo! Send us a message saying you'd like to help, and we'll get you signed up"
                        + " there.");
        assertThat(publicReply(question))
                .isEqualTo("Hi, Ada! Send us a message saying you'd like to help, and we'll get you signed up there.");
        assertThat(sandbox.messages(pageId, null))
                .as("no private message was tried")
                .isEmpty();

        // what the reply asks for works: a message to the page starts the signup
        sandbox.message(pageId, leo, "I want to volunteer");
        assertThat(SandboxClient.textOf(sandbox.nthMessage(pageId, leo, 1, PIPELINE)))
                .contains("Saturday food drive")
                .contains("Morning");
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aMessageFacebookCarriedOutWithoutAnsweringIsNotSentAgain() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        saturdayFoodDriveWithoutEmailCheck();
        String psid = "2000000009607";
        // Facebook sends the bot's answer, but its own answer comes after the app's read timeout (3 s)
        sandbox.hold(pageId + "/messages", "POST", 1, Duration.ofSeconds(8));

        String inbound = SandboxClient.messageId(sandbox.message(pageId, psid, "I want to volunteer"));

        await("the answer is known to be sent")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(replies(inbound)).containsOnly(entry("private", "sent")));
        assertThat(sandbox.messages(pageId, psid)).as("the person got it once").hasSize(1);
        assertThat(sandbox.calls(pageId + "/messages", "POST")).hasSize(1);
        assertThat(sandbox.calls(pageId + "/conversations", "GET"))
                .as("the retry asked Facebook first")
                .isNotEmpty();
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aReplyByHandFacebookCarriedOutWithoutAnsweringIsNotRepeatedAndTheAdminIsToldToLook() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        String psid = "2000000009608";
        String hello = SandboxClient.messageId(sandbox.message(pageId, psid, "Hello, is anyone there?"));
        await("the conversation is in the inbox")
                .atMost(PIPELINE)
                .until(() ->
                        jdbc.queryForObject("select count(*) from messages where external_id = ?", Integer.class, hello)
                                == 1);
        sandbox.hold(pageId + "/messages", "POST", 1, Duration.ofSeconds(8));

        JsonNode answer = api.post(
                "/api/inbox/" + pageId + "/" + psid + "/messages", Map.of("text", "Hi! Yes, how can we help?"), 504);

        assertThat(answer.path("reason").asString())
                .contains("may have reached the person")
                .contains("before sending it again");
        assertThat(sandbox.messages(pageId, psid))
                .as("sent once, not again by a retry")
                .extracting(SandboxClient::textOf)
                .containsExactly("Hi! Yes, how can we help?");
    }

    @Test
    void aDialogAnswerThatReadsAsAnOfferToHelpIsNotCountedAsOne() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        saturdayFoodDriveWithoutEmailCheck();
        String psid = "2000000009609";

        String offer = SandboxClient.messageId(sandbox.message(pageId, psid, "I want to volunteer"));
        assertThat(SandboxClient.textOf(sandbox.nthMessage(pageId, psid, 1, PIPELINE)))
                .contains("Which slot");
        // the intent model reads the pick as an offer to help, and the writer counts it as one
        String pick = SandboxClient.messageId(sandbox.message(pageId, psid, "count me in for 1"));
        assertThat(SandboxClient.textOf(sandbox.nthMessage(pageId, psid, 2, PIPELINE)))
                .startsWith("You're in");

        assertThat(jdbc.queryForObject(
                        "select intent.label from messages m join classifications intent on intent.message_id = m.id"
                                + " and intent.analyzer = 'intent' where m.external_id = ?",
                        String.class,
                        pick))
                .isEqualTo("volunteer");
        assertThat(interests(offer)).as("the offer to help").isEqualTo(1);
        assertThat(interests(pick)).as("the dialog's answer").isZero();
        assertThat(api.get("/api/overview").path("interests").asLong()).isEqualTo(1);
    }

    private int interests(String externalId) {
        return jdbc.queryForObject(
                "select count(*) from interests i join messages m on m.id = i.message_id where m.external_id = ?",
                Integer.class,
                externalId);
    }

    @Test
    void aPublishedPostsScheduleFollowsItsSignupWhenAnAdminEditsIt() {
        Connected page = connectPage("Riverside Food Bank");
        JsonNode signup = saturdayFoodDriveWithoutEmailCheck();
        long signupId = signup.path("id").asLong();
        JsonNode slot = signup.path("slots").get(0);
        String postId = api.publishPost(page.sandbox(), signupId, "Help us sort food on Saturday!", PIPELINE);
        assertThat(sandbox.postMessage(postId, page.sandbox().token()))
                .startsWith("Help us sort food on Saturday!")
                .contains("(Morning) — 5 volunteers needed");

        // the admin renames the slot, asks for more people and adds an afternoon
        Instant afternoon = Instant.parse(slot.path("endsAt").asString()).plus(1, ChronoUnit.HOURS);
        api.put(
                "/api/signups/" + signupId,
                Map.of(
                        "title",
                        "Saturday food drive",
                        "slots",
                        List.of(
                                Map.of(
                                        "id",
                                        slot.path("id").asLong(),
                                        "startsAt",
                                        slot.path("startsAt").asString(),
                                        "endsAt",
                                        slot.path("endsAt").asString(),
                                        "label",
                                        "Morning sort",
                                        "required",
                                        8),
                                Map.of(
                                        "startsAt",
                                        afternoon.toString(),
                                        "endsAt",
                                        afternoon.plus(2, ChronoUnit.HOURS).toString(),
                                        "label",
                                        "Afternoon",
                                        "required",
                                        3))),
                200);

        await("the post on Facebook lists the schedule as it is now")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(
                                sandbox.postMessage(postId, page.sandbox().token()))
                        .startsWith("Help us sort food on Saturday!")
                        .contains("(Morning sort) — 8 volunteers needed")
                        .contains("(Afternoon) — 3 volunteers needed")
                        .doesNotContain("(Morning) —"));
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    /**
     * The organisation's one signup, a morning slot with 5 places three days ahead, taken in Messenger
     * without the e-mail check; answers the signup created.
     */
    private JsonNode saturdayFoodDriveWithoutEmailCheck() {
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return api.signupWithOneSlot("Saturday food drive", "Morning", day, 4, 5);
    }

    /** The public reply's text as sent to Facebook. */
    private String publicReply(String commentId) {
        return jdbc.queryForObject(
                "select text from replies where target_id = ? and kind = 'public' and status = 'sent'",
                String.class,
                commentId);
    }

    /** The payload of a button of the signup offer the person got first. */
    private String button(String pageId, String person, int index) {
        return sandbox.nthMessage(pageId, person, 1, PIPELINE)
                .path("message")
                .path("attachment")
                .path("payload")
                .path("buttons")
                .get(index)
                .path("payload")
                .asString();
    }

    @Test
    void aRefusedTokenParksTheRepliesAndAlertsTheAdminsUntilTheTokenIsReplaced() throws Exception {
        Connected page = connectPage("Riverside Food Bank");
        try (AdminSession dashboard = new AdminSession(port)) {
            assertThat(dashboard.logIn(ADMIN, PASSWORD)).isEqualTo(302);
            dashboard.connect();
            sandbox.revokeTokens(page.sandbox().id());

            String commentId = SandboxClient.commentId(
                    sandbox.comment(page.sandbox().id(), page.postId(), "2000000000043", "Sam Lee", VOLUNTEERING));

            await("the page is marked for reauthorisation")
                    .atMost(PIPELINE)
                    .untilAsserted(() -> assertThat(api.get("/api/pages")
                                    .get(0)
                                    .path("tokenStatus")
                                    .asString())
                            .isEqualTo("needs_reauthorisation"));
            await("the admins are alerted live")
                    .atMost(PIPELINE)
                    .untilAsserted(() -> assertThat(dashboard.received())
                            .anySatisfy(event -> assertThat(event)
                                    .contains("\"type\":\"page.needs_reauthorisation\"")
                                    .contains("\"pageId\":\"" + page.sandbox().id() + "\"")));
            await("the reply waits for a new token")
                    .atMost(PIPELINE)
                    .until(() -> redis.zcard(RedisNames.delayed(RedisNames.REPLY_QUEUE)) == 1);
            // the reply itself may have met the refusal, or the scheduler's token check found it first
            assertThat(sandbox.calls(commentId + "/comments", "POST"))
                    .as("refused replies")
                    .allSatisfy(call -> assertThat(call.errorCode()).isEqualTo(190));
            assertThat(sandbox.messages(page.sandbox().id(), null)).isEmpty();
            assertThat(replies(commentId)).doesNotContainValue("sent");
            assertThat(api.get("/api/pages").get(0).path("tokenProblem").asString())
                    .isNotBlank();

            // the admin reconnects the page with a new token
            String newToken = sandbox.issueToken(page.sandbox().id());
            JsonNode reconnected = api.post("/api/pages", Map.of("pageToken", newToken), 201);
            assertThat(reconnected.path("tokenStatus").asString()).isEqualTo("valid");

            await("the parked replies go out")
                    .atMost(PIPELINE)
                    .untilAsserted(() -> assertThat(replies(commentId))
                            .containsOnly(entry("public", "sent"), entry("private", "sent")));
            assertThat(sandbox.calls(commentId + "/comments", "POST"))
                    .filteredOn(call -> call.status() == 200)
                    .hasSize(1);
            assertThat(sandbox.messages(page.sandbox().id(), null))
                    .singleElement()
                    .satisfies(message ->
                            assertThat(message.path("commentId").asString()).isEqualTo(commentId));
            assertThat(dashboard.received())
                    .filteredOn(event -> event.contains("page.needs_reauthorisation"))
                    .as("alerted once")
                    .hasSize(1);
        }
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aRateLimitSlowsTheRepliesDownWithoutDroppingAny() {
        Connected page = connectPage("Riverside Food Bank");
        sandbox.rateLimit(page.sandbox().id(), 32, 4);

        List<String> people = List.of("Maya Cruz", "Sam Lee", "Ike Obi");
        List<String> commentIds = people.stream()
                .map(name -> SandboxClient.commentId(
                        sandbox.comment(page.sandbox().id(), page.postId(), null, name, VOLUNTEERING)))
                .toList();

        await("every reply is sent in the end").atMost(PIPELINE).untilAsserted(() -> {
            for (String commentId : commentIds) {
                assertThat(replies(commentId))
                        .as(commentId)
                        .containsOnly(entry("public", "sent"), entry("private", "sent"));
            }
        });
        List<RecordedCall> replyCalls = sandbox.calls("", null).stream()
                .filter(call -> commentIds.stream().anyMatch(id -> call.path().contains(id))
                        || call.path().endsWith(page.sandbox().id() + "/messages"))
                .toList();
        assertThat(replyCalls)
                .filteredOn(call -> call.errorCode() != null)
                .as("calls Facebook refused")
                .hasSize(4)
                .allSatisfy(call -> assertThat(call.errorCode()).isEqualTo(32));
        for (String commentId : commentIds) {
            assertThat(sandbox.calls(commentId + "/comments", "POST"))
                    .filteredOn(call -> call.status() == 200)
                    .as("public replies to " + commentId)
                    .hasSize(1);
        }
        assertThat(sandbox.messages(page.sandbox().id(), null))
                .extracting(m -> m.path("commentId").asString())
                .containsExactlyInAnyOrderElementsOf(commentIds);
        assertThat(jdbc.queryForObject("select count(*) from replies where status <> 'sent'", Integer.class))
                .isZero();
        awaitQueuesDrained();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anOffensiveVolunteerGetsNoAutomaticReplyAndIsLeftToModeration() {
        Connected page = connectPage("Riverside Food Bank");

        String commentId = SandboxClient.commentId(sandbox.comment(
                page.sandbox().id(), page.postId(), null, "Rude Volunteer", "count me in you lazy bitches"));

        await("the comment is answered with nothing, and why")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(replies(commentId))
                        .containsExactly(entry("public", "skipped: the comment is offensive; moderation decides")));
        assertThat(jdbc.queryForObject(
                        "select c.label from classifications c join messages m on m.id = c.message_id"
                                + " where m.external_id = ? and c.analyzer = 'intent'",
                        String.class,
                        commentId))
                .isEqualTo("volunteer");
        awaitQueuesDrained();
        assertThat(sandbox.calls(commentId, null)).isEmpty();
        assertThat(sandbox.messages(page.sandbox().id(), null)).isEmpty();
    }

    @Test
    void aComplaintTheIntentModelReadsAsThanksGetsNoThankYou() {
        Connected page = connectPage("Riverside Food Bank");

        String complaint = SandboxClient.commentId(
                sandbox.comment(page.sandbox().id(), page.postId(), null, "Pat Critic", "This organisation is a scam"));
        String thanks = SandboxClient.commentId(sandbox.comment(
                page.sandbox().id(), page.postId(), null, "Sam Lee", "Thank you so much for organising this!"));

        await("both are answered, or not, with the reason").atMost(PIPELINE).untilAsserted(() -> {
            assertThat(replies(complaint))
                    .containsExactly(
                            entry("public", "skipped: the comment reads as negative; a thank-you would not fit"));
            assertThat(replies(thanks)).containsExactly(entry("public", "sent"));
        });
        assertThat(jdbc.queryForObject(
                        "select c.label from classifications c join messages m on m.id = c.message_id"
                                + " where m.external_id = ? and c.analyzer = 'intent'",
                        String.class,
                        complaint))
                .as("the intent model's mistake this guards against")
                .isEqualTo("appreciation");
        awaitQueuesDrained();
        assertThat(sandbox.calls(complaint, null)).isEmpty();
    }

    @Test
    void aReplyJobWhoseMessageWasErasedSinceItWasQueuedIsDroppedAndNothingOfThePersonComesBack() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        saturdayFoodDriveWithoutEmailCheck();
        String psid = "2000000000077";
        // what the writer queued for a message that an erasure then deleted, while a worker held the job
        long erased = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from messages", Long.class);
        Instant now = Instant.now();
        InboundEvent message = new InboundEvent(
                "m_erased_1",
                EventKind.MESSAGE,
                pageId,
                "m_erased_1",
                null,
                null,
                "add",
                psid,
                null,
                "I can help on Saturday",
                null,
                now,
                now,
                pageId);
        redis.lpush(
                RedisNames.REPLY_QUEUE,
                Json.write(new MessageToAnswer(
                        organisationId,
                        erased,
                        message,
                        Map.of("intent", new MessageToAnswer.Verdict("volunteer", 0.99f, 1, null)))));

        awaitQueuesDrained();

        assertThat(deadLetters()).as("their words are not kept in s:dead").isEmpty();
        assertThat(sandbox.messages(pageId, psid))
                .as("nothing was sent to them")
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from volunteers where facebook_user_id = ?", Long.class, psid))
                .as("no volunteer was made of them again")
                .isZero();
        assertThat(redis.keys(RedisNames.conversation("*", pageId, psid)))
                .as("no dialog state")
                .isEmpty();
        assertThat(replies("m_erased_1")).isEmpty();
    }

    @Test
    void whatTheSystemCannotUseIsSkippedOrDeadLetteredOnceAndNeverRetriedInALoop() {
        Connected page = connectPage("Riverside Food Bank");
        String pageId = page.sandbox().id();
        String postId = page.postId();
        long now = System.currentTimeMillis();

        // event types the system does not handle: a reaction, the page's own new post, a mention, read and
        // delivery receipts, an optin
        Map<String, Object> reaction = feedChange(Map.of(
                "item",
                "reaction",
                "verb",
                "add",
                "reaction_type",
                "like",
                "post_id",
                postId,
                "from",
                Map.of("id", "2000000000050", "name", "Lee")));
        Map<String, Object> status = feedChange(Map.of(
                "item",
                "status",
                "verb",
                "add",
                "post_id",
                pageId + "_9",
                "message",
                "Thanks everyone!",
                "from",
                Map.of("id", pageId, "name", "Riverside")));
        Map<String, Object> mention = Map.of("field", "mention", "value", Map.of("post_id", postId, "verb", "add"));
        List<Object> receipts = List.of(
                messaging("2000000000051", pageId, now, "read", Map.of("watermark", now)),
                messaging("2000000000051", pageId, now, "delivery", Map.of("mids", List.of("m_x"), "watermark", now)),
                messaging("2000000000051", pageId, now, "optin", Map.of("ref", "signup")));
        assertThat(accepted(pageDelivery(pageId, List.of(reaction, status, mention), receipts)))
                .containsEntry("queued", 0)
                .containsEntry("skipped", 6);

        // fields Facebook should have sent and did not
        Map<String, Object> noCommentId = feedChange(Map.of(
                "item",
                "comment",
                "verb",
                "add",
                "post_id",
                postId,
                "message",
                "hello",
                "from",
                Map.of("id", "2000000000052", "name", "Bo")));
        Map<String, Object> noAuthor = feedChange(Map.of(
                "item", "comment", "verb", "add", "post_id", postId, "comment_id", "777_nobody", "message", "hello"));
        List<Object> brokenMessages = List.of(
                messaging("2000000000053", pageId, now, "message", Map.of("text", "a message without mid")),
                Map.of(
                        "recipient",
                        Map.of("id", pageId),
                        "timestamp",
                        now,
                        "message",
                        Map.of("mid", "m_nosender", "text", "a message without sender")));
        assertThat(accepted(pageDelivery(pageId, List.of(noCommentId, noAuthor), brokenMessages)))
                .containsEntry("queued", 0)
                .containsEntry("skipped", 4);

        // a message with only a photo: no text to classify or answer
        String photoMid = "m_photo_" + now;
        assertThat(accepted(pageDelivery(
                        pageId,
                        List.of(),
                        List.of(messaging(
                                "2000000000054",
                                pageId,
                                now,
                                "message",
                                Map.of(
                                        "mid",
                                        photoMid,
                                        "attachments",
                                        List.of(Map.of(
                                                "type",
                                                "image",
                                                "payload",
                                                Map.of("url", "https://example.org/p.jpg")))))))))
                .containsEntry("queued", 1);

        // a comment on a page no organisation connected
        String strangerComment = "888_" + now;
        String unknownPage = "100000000009999";
        assertThat(accepted(FacebookPayloads.comments(
                        unknownPage,
                        List.of(new FacebookPayloads.Comment(strangerComment, "2000000000055", "Kim", VOLUNTEERING)))))
                .containsEntry("queued", 1);

        await("the comment on the unknown page is dead-lettered with its reason")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(deadLetters())
                        .filteredOn(l -> fieldsText(l).contains(strangerComment))
                        .singleElement()
                        .satisfies(letter -> {
                            assertThat(letter.source()).isEqualTo(RedisNames.CLASSIFIED_STREAM);
                            assertThat(letter.error())
                                    .contains("page " + unknownPage + " is not connected to any organisation");
                        }));
        await("the photo message is stored and left to the admins")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select status || ': ' || reason from replies where target_id = ?",
                                String.class,
                                photoMid))
                        .containsExactly("skipped: no dialog in progress; the inbox shows it " + "to the admins"));
        awaitQueuesDrained();
        assertThat(redis.xpending(RedisNames.CLASSIFIED_STREAM, RedisNames.WRITER_GROUP)
                        .getCount())
                .as("nothing waits to be delivered to the writer again")
                .isZero();
        assertThat(redis.xpending(RedisNames.COMMENTS_STREAM, RedisNames.GEAR_GROUP)
                        .getCount())
                .isZero();
        assertThat(deadLetters())
                .as("dead-lettered once, not again and again, and nothing else")
                .singleElement()
                .satisfies(letter -> assertThat(fieldsText(letter)).contains(strangerComment));
        assertThat(jdbc.queryForObject("select count(*) from messages", Integer.class))
                .as("only the photo message")
                .isEqualTo(1);
        assertThat(sandbox.messages(pageId, null)).isEmpty();
    }

    // --- the organisation's page -------------------------------------------------------------------------

    /** A page created in the sandbox, connected by the admin with its page token, with a post to comment on. */
    record Connected(SandboxPage sandbox, String postId) {}

    private Connected connectPage(String name) {
        SandboxPage page = sandbox.createPage(Long.toString(PAGE_IDS.incrementAndGet()), name);
        api.connect(page);
        String postId = sandbox.publishPost(
                page, "We need volunteers for Saturday's food drive, 9am to 1pm. " + "Comment below to sign up!");
        return new Connected(page, postId);
    }

    // --- what was recorded -------------------------------------------------------------------------------

    /** Kind → status of the replies recorded for a comment or message; "status: reason" when skipped or failed. */
    private Map<String, String> replies(String targetId) {
        Map<String, String> replies = new LinkedHashMap<>();
        jdbc.query(
                "select kind, status, reason from replies where target_id = ? order by kind desc",
                rs -> {
                    String status = rs.getString(2);
                    boolean explained = status.equals("skipped") || status.equals("failed");
                    replies.put(rs.getString(1), explained ? status + ": " + rs.getString(3) : status);
                },
                targetId);
        return replies;
    }

    private List<DeadLetter> deadLetters() {
        return new DeadLetters(redis).list(1000);
    }

    private static String fieldsText(DeadLetter letter) {
        StringBuilder text = new StringBuilder();
        letter.fields().values().forEach(value -> text.append(new String(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    /** No job waits, is in flight, waits for a retry or carries a failed attempt, on either queue. */
    private void awaitQueuesDrained() {
        await("the queues are drained").atMost(PIPELINE).untilAsserted(() -> {
            for (String queue : List.of(RedisNames.PREPROCESS_QUEUE, RedisNames.REPLY_QUEUE)) {
                assertThat(redis.llen(queue)).as(queue).isZero();
                assertThat(redis.zcard(RedisNames.delayed(queue)))
                        .as(queue + " retries")
                        .isZero();
                assertThat(redis.hlen(RedisNames.attempts(queue)))
                        .as(queue + " attempts")
                        .isZero();
                for (String processing : redis.keys(RedisNames.processingListPattern(queue))) {
                    assertThat(redis.llen(processing)).as(processing).isZero();
                }
            }
        });
    }

    // --- deliveries by hand, for what the simulator does not send ----------------------------------------

    private Map<String, Object> accepted(byte[] body) {
        var response = facebook.postSigned(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = Json.read(response.body().getBytes(StandardCharsets.UTF_8), Map.class);
        return counts;
    }

    private static Map<String, Object> feedChange(Map<String, Object> value) {
        return Map.of("field", "feed", "value", value);
    }

    private static Map<String, Object> messaging(
            String senderId, String pageId, long timestamp, String kind, Map<String, Object> content) {
        return Map.of(
                "sender",
                Map.of("id", senderId),
                "recipient",
                Map.of("id", pageId),
                "timestamp",
                timestamp,
                kind,
                content);
    }

    private static byte[] pageDelivery(String pageId, List<Object> changes, List<Object> messaging) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", pageId);
        entry.put("time", System.currentTimeMillis());
        if (!changes.isEmpty()) {
            entry.put("changes", changes);
        }
        if (!messaging.isEmpty()) {
            entry.put("messaging", messaging);
        }
        return Json.write(Map.of("object", "page", "entry", List.of(entry)));
    }

    // --- a second process ---------------------------------------------------------------------------------

    private SmartLifecycle replyWorkers() {
        return context.getBean("replyWorkers", SmartLifecycle.class);
    }

    /** The packaged jar as a workers-only process on the same Redis and PostgreSQL, calling this app's sandbox. */
    private Process startWorkersProcess() throws IOException {
        return processes.start(
                "workers",
                LocalRedisServer.freePort(),
                Map.of(
                        "VOLUNTREE_FACEBOOK_GRAPH_URL", "http://127.0.0.1:" + port + "/sandbox/graph",
                        "VOLUNTREE_QUEUE_HEARTBEAT_EVERY", "1s",
                        "VOLUNTREE_QUEUE_STALE_AFTER", "5s"));
    }
}
