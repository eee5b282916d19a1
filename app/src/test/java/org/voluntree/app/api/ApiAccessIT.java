package org.voluntree.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * Every endpoint of the dashboard API, checked against the caller: no credentials get 401,
 * another organisation's resource 404, a viewer who writes 403, bad input 400 naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class ApiAccessIT {

    /** One call of the API. */
    record Call(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

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

    ApiClient owner;
    ApiClient viewer;
    ApiClient other;
    long volunteerA;
    long duplicateA;
    long volunteerB;
    long sessionA;
    long sessionB;
    long ownerB;
    long orgA;
    long messageA;
    long messageB;
    long signupA;
    long signupB;
    long postA;
    long postB;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        fixture.deleteAllOrganisations();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        orgA = fixture.organisation("Riverside", "100000000000111");
        long orgB = fixture.organisation("Hillside", "100000000000222");
        long ownerA = fixture.admin(orgA, "owner@a.example", "password-owner-a", "owner");
        fixture.admin(orgA, "viewer@a.example", "password-viewer-a", "viewer");
        ownerB = fixture.admin(orgB, "owner@b.example", "password-owner-b", "owner");
        messageA = fixture.message(orgA, "a1", "fa1", "Maya Cruz", "Count me in", now.minusSeconds(60), "positive");
        long messageA2 = fixture.message(orgA, "a2", "fa2", "Maya C.", "me too", now.minusSeconds(30), "positive");
        messageB = fixture.message(orgB, "b1", "fb1", "Sam Lee", "Sign me up", now.minusSeconds(60), "negative");
        volunteerA = fixture.volunteer(orgA, "fa1", "Maya Cruz", messageA, now.minusSeconds(60));
        duplicateA = fixture.volunteer(orgA, "fa2", "Maya C.", messageA2, now.minusSeconds(30));
        volunteerB = fixture.volunteer(orgB, "fb1", "Sam Lee", messageB, now.minusSeconds(60));
        sessionA = fixture.chatSession(orgA, ownerA, "Saturday shift");
        sessionB = fixture.chatSession(orgB, ownerB, "Dogs");
        jdbc.update("update messages set kind = 'MESSAGE' where id in (?, ?)", messageA2, messageB);
        signupA = signup(orgA, "Saturday sorting", now);
        signupB = signup(orgB, "Dog walking", now);
        postA = post(orgA, signupA, "c_post_a");
        postB = post(orgB, signupB, "c_post_b");
        owner = ApiClient.logIn(port, "owner@a.example", "password-owner-a");
        viewer = ApiClient.logIn(port, "viewer@a.example", "password-viewer-a");
        other = ApiClient.logIn(port, "owner@b.example", "password-owner-b");
    }

    private List<Call> everyCall() {
        return List.of(
                new Call("GET", "/api/me", null),
                new Call("GET", "/api/messages", null),
                new Call("GET", "/api/messages/search?text=count", null),
                new Call("GET", "/api/overview", null),
                new Call("GET", "/api/analytics", null),
                new Call("GET", "/api/models", null),
                new Call("GET", "/api/pipeline", null),
                new Call("GET", "/api/volunteers", null),
                new Call("GET", "/api/volunteers/" + volunteerA, null),
                new Call("GET", "/api/volunteers/export.csv", null),
                new Call("POST", "/api/volunteers/" + volunteerA + "/merge", "{\"duplicateId\":" + duplicateA + "}"),
                new Call("GET", "/api/chat/sessions", null),
                new Call("POST", "/api/chat/sessions", "{\"title\":\"New\"}"),
                new Call("GET", "/api/chat/sessions/" + sessionA, null),
                new Call("POST", "/api/chat/sessions/" + sessionA + "/join", null),
                new Call("GET", "/api/chat/sessions/" + sessionA + "/messages", null),
                new Call("POST", "/api/chat/sessions/" + sessionA + "/messages", "{\"text\":\"hi\"}"),
                new Call("GET", "/api/auth/tokens", null),
                new Call("DELETE", "/api/auth/tokens/1", null),
                new Call("GET", "/api/settings", null),
                new Call("PUT", "/api/settings", SETTINGS),
                new Call("GET", "/api/pages", null),
                new Call("GET", "/api/signups/" + signupA + "/volunteers", null),
                new Call("GET", "/api/signups/" + signupA + "/announcements", null),
                new Call("POST", "/api/signups/" + signupA + "/announcements", "{\"text\":\"Parking moved\"}"),
                new Call("GET", "/api/posts/" + postA + "/comments", null),
                new Call("GET", "/api/moderation", null),
                new Call("GET", "/api/moderation/handled", null),
                new Call("POST", "/api/moderation/" + messageA + "/dismiss", null),
                new Call("GET", "/api/inbox", null),
                new Call("GET", "/api/inbox/100000000000111/fa2", null),
                new Call("POST", "/api/inbox/100000000000111/fa2/takeover", null),
                new Call("POST", "/api/inbox/100000000000111/fa2/handback", null));
    }

    @Test
    void everyEndpointRefusesCallersWithoutCredentials() {
        for (Call call : everyCall()) {
            HttpResponse<String> response = ApiClient.anonymous(port).send(call.method(), call.path(), call.body());
            assertThat(response.statusCode()).as(call.toString()).isEqualTo(401);
            assertThat(response.body()).as(call.toString()).contains("\"reason\"");
        }
    }

    @Test
    void anUnknownOrRevokedTokenIsRefused() {
        HttpResponse<String> response = new ApiClient(port, "vt_not-a-token").get("/api/me");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void everyEndpointServesItsOwnOrganisationToAViewerAndTheOwner() {
        for (Call call : everyCall()) {
            if (!call.method().equals("GET")) {
                continue;
            }
            assertThat(owner.get(call.path()).statusCode()).as(call.toString()).isEqualTo(200);
            assertThat(viewer.get(call.path()).statusCode()).as(call.toString()).isEqualTo(200);
        }
        assertThat(owner.get("/api/volunteers").body()).contains("Maya Cruz").doesNotContain("Sam Lee");
        assertThat(owner.get("/api/messages").body()).contains("Count me in").doesNotContain("Sign me up");
        assertThat(owner.get("/api/messages/search?text=sign").body()).isEqualTo("[]");
        assertThat(owner.get("/api/chat/sessions?all=true").body())
                .contains("Saturday shift")
                .doesNotContain("Dogs");
        assertThat(ApiClient.json(owner.get("/api/overview")).path("messages").asLong())
                .isEqualTo(2);
        assertThat(ApiClient.json(other.get("/api/overview")).path("messages").asLong())
                .isEqualTo(1);
        assertThat(owner.get("/api/volunteers/export.csv").body())
                .contains("Maya Cruz")
                .doesNotContain("Sam Lee");
    }

    @Test
    void anotherOrganisationsResourcesAreNotFound() {
        List<Call> calls = List.of(
                new Call("GET", "/api/volunteers/" + volunteerB, null),
                new Call("POST", "/api/volunteers/" + volunteerB + "/merge", "{\"duplicateId\":" + duplicateA + "}"),
                new Call("POST", "/api/volunteers/" + volunteerA + "/merge", "{\"duplicateId\":" + volunteerB + "}"),
                new Call("GET", "/api/chat/sessions/" + sessionB, null),
                new Call("POST", "/api/chat/sessions/" + sessionB + "/join", null),
                new Call("GET", "/api/chat/sessions/" + sessionB + "/messages", null),
                new Call("POST", "/api/chat/sessions/" + sessionB + "/messages", "{\"text\":\"hi\"}"),
                new Call("DELETE", "/api/auth/tokens/" + tokenIdOf(other), null),
                new Call("GET", "/api/signups/" + signupB + "/volunteers", null),
                new Call("GET", "/api/signups/" + signupB + "/announcements", null),
                new Call("POST", "/api/signups/" + signupB + "/announcements", "{\"text\":\"Parking moved\"}"),
                new Call("GET", "/api/posts/" + postB + "/comments", null),
                new Call("POST", "/api/moderation/" + messageB + "/dismiss", null),
                new Call("POST", "/api/moderation/" + messageB + "/hide", null),
                new Call("GET", "/api/inbox/100000000000222/fb1", null),
                new Call("GET", "/api/inbox/100000000000111/fb1", null),
                new Call("POST", "/api/inbox/100000000000222/fb1/takeover", null),
                new Call("POST", "/api/inbox/100000000000222/fb1/messages", "{\"text\":\"hi\"}"));
        for (Call call : calls) {
            HttpResponse<String> response = owner.send(call.method(), call.path(), call.body());
            assertThat(response.statusCode()).as(call.toString()).isEqualTo(404);
        }
        assertThat(jdbc.queryForObject("select count(*) from volunteers where merged_into is not null", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from chat_members where session_id = ?", Integer.class, sessionB))
                .isEqualTo(1);
        assertThat(other.get("/api/me").statusCode())
                .as("B's token still works")
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from moderation_actions", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from signup_announcements", Integer.class))
                .isZero();
    }

    @Test
    void aViewerMayReadButNotWrite() {
        List<Call> writes = everyCall().stream()
                .filter(c -> !c.method().equals("GET") && !c.path().startsWith("/api/auth/"))
                .toList();
        assertThat(writes).hasSize(9);
        for (Call call : writes) {
            HttpResponse<String> response = viewer.send(call.method(), call.path(), call.body());
            assertThat(response.statusCode()).as(call.toString()).isEqualTo(403);
            assertThat(response.body()).as(call.toString()).contains("\"reason\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from chat_sessions", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from chat_messages", Integer.class))
                .isZero();
        assertThat(viewer.post("/api/chat/sessions", "{\"title\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from signup_announcements", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from moderation_actions", Integer.class))
                .isZero();
        assertThat(ApiClient.json(owner.get("/api/settings"))
                        .path("donationInfo")
                        .isNull())
                .isTrue();
    }

    @Test
    void settingsAreReadAndWrittenForTheCallersOrganisationOnly() {
        HttpResponse<String> saved = owner.send("PUT", "/api/settings", SETTINGS);

        assertThat(saved.statusCode()).isEqualTo(200);
        var settings = ApiClient.json(owner.get("/api/settings"));
        assertThat(settings.path("donationInfo").asString()).isEqualTo("Bank transfer to Riverside");
        assertThat(settings.path("verificationRequired").asBoolean()).isFalse();
        assertThat(settings.path("autoReplies").toString()).isEqualTo("[\"volunteer\",\"donation\"]");
        var untouched = ApiClient.json(other.get("/api/settings"));
        assertThat(untouched.path("donationInfo").isNull()).isTrue();
        assertThat(untouched.path("autoReplies").size()).isEqualTo(6);
    }

    @Test
    void aSentimentTheModelWasNotConfidentOfShowsAsNeutral() {
        var before = ApiClient.json(owner.get("/api/overview")).path("sentiment");
        assertThat(shownInMessages(messageA)).isEqualTo("positive");
        jdbc.update("""
                update classifications set score = 0.7, scores = '{0.3,0.7}' where message_id = ? and analyzer = 'sentiment'
                """, messageA);

        var after = ApiClient.json(owner.get("/api/overview")).path("sentiment");
        assertThat(after.path("positive").asLong())
                .isEqualTo(before.path("positive").asLong() - 1);
        assertThat(after.path("neutral").asLong())
                .isEqualTo(before.path("neutral").asLong() + 1);
        assertThat(lastSentiment(volunteerA)).isEqualTo("neutral");
        assertThat(lastSentiment(duplicateA)).as("confident: still shown").isEqualTo("positive");
        assertThat(shownInMessages(messageA))
                .as("the feed colours by the same rule")
                .isEqualTo("neutral");
    }

    @Test
    void anAnswerToTheSignupDialogShowsNoSentiment() {
        assertThat(shownInMessages(messageA)).isEqualTo("positive");
        // what DialogAnswers does when the Messenger dialog takes the message as an answer (a slot number, a PIN)
        jdbc.update("update messages set dialog_answer = true where id = ?", messageA);

        assertThat(shownInMessages(messageA))
                .as("not an opinion: the feed shows it uncoloured, as the overview counts it")
                .isEqualTo("neutral");
    }

    /** The sentiment {@code GET /api/messages} says to show for a message (the feeds colour by it). */
    private String shownInMessages(long messageId) {
        for (var message : ApiClient.json(owner.get("/api/messages"))) {
            if (message.path("messageId").asLong() == messageId) {
                assertThat(message.path("classifications").path("offense").has("shown"))
                        .as("only sentiment has a shown label")
                        .isFalse();
                return message.path("classifications")
                        .path("sentiment")
                        .path("shown")
                        .asString();
            }
        }
        throw new AssertionError("message " + messageId + " is not in /api/messages");
    }

    private String lastSentiment(long volunteer) {
        return ApiClient.json(owner.get("/api/volunteers/" + volunteer))
                .path("volunteer")
                .path("lastMessage")
                .path("sentiment")
                .asString();
    }

    @Test
    void theInboxListsOnlyTheOrganisationsMessengerConversations() {
        var conversations = ApiClient.json(owner.get("/api/inbox"));
        assertThat(conversations.size()).isEqualTo(1);
        assertThat(conversations.get(0).path("psid").asString()).isEqualTo("fa2");
        var thread = ApiClient.json(owner.get("/api/inbox/100000000000111/fa2"));
        assertThat(thread.path("entries").get(0).path("text").asString()).isEqualTo("me too");
        assertThat(thread.path("entries").get(0).path("sentiment").asString()).isEqualTo("positive");
        assertThat(thread.path("takenOver").asBoolean()).isFalse();

        owner.post("/api/inbox/100000000000111/fa2/takeover", null);

        assertThat(ApiClient.json(owner.get("/api/inbox/100000000000111/fa2"))
                        .path("takenOver")
                        .asBoolean())
                .isTrue();
        owner.post("/api/inbox/100000000000111/fa2/handback", null);
        assertThat(ApiClient.json(owner.get("/api/inbox/100000000000111/fa2"))
                        .path("takenOver")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aHideThatCannotReachFacebookIsRecordedAsFailedAndTheCommentStaysQueued() {
        offense(messageA, "offensive", 0.99f);

        HttpResponse<String> refused = owner.post("/api/moderation/" + messageA + "/hide", null);

        assertThat(refused.statusCode()).as("the page has no token").isEqualTo(422);
        var queued = ApiClient.json(owner.get("/api/moderation")).get(0);
        assertThat(queued.path("messageId").asLong()).isEqualTo(messageA);
        assertThat(queued.path("lastAction").asString()).isEqualTo("hide");
        assertThat(queued.path("lastOutcome").asString()).isEqualTo("failed");
        assertThat(queued.path("lastReason").asString()).isNotBlank();
    }

    @Test
    void aWrongMethodOrContentTypeGetsTheApisErrorShape() {
        ApiClient basic = ApiClient.basic(port, "owner@a.example", "password-owner-a");

        HttpResponse<String> wrongMethod = basic.get("/api/models/intent/train");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(ApiClient.json(wrongMethod).path("reason").asString())
                .isEqualTo("GET is not supported here; use POST");

        HttpResponse<String> wrongType = basic.send("POST", "/api/predict", "count me in", "text/plain");
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(ApiClient.json(wrongType).path("reason").asString()).contains("application/json");
    }

    @Test
    void aDeletedCommentTakesNoFurtherActionAndKeepsItsHistory() {
        offense(messageA, "offensive", 0.99f);
        // the comment is gone from Facebook (deleted from the queue, or by its author: the webhook's remove)
        jdbc.update("update messages set removed_at = now(), text = null where id = ?", messageA);
        int actionsBefore = jdbc.queryForObject("select count(*) from moderation_actions", Integer.class);

        for (String action : List.of("hide", "unhide", "dismiss", "delete")) {
            HttpResponse<String> refused = owner.post("/api/moderation/" + messageA + "/" + action, null);
            assertThat(refused.statusCode()).as(action).isEqualTo(409);
            assertThat(refused.body()).contains("has been deleted");
        }
        assertThat(jdbc.queryForObject("select count(*) from moderation_actions", Integer.class))
                .isEqualTo(actionsBefore);
    }

    @Test
    void byDefaultTheQueueHoldsOffensiveCommentsScoredFromPointSeven() {
        offense(messageA, "offensive", 0.72f);
        long mild = fixture.message(orgA, "a3", "fa3", "Sam Roe", "meh", Instant.now(), "negative");
        offense(mild, "offensive", 0.65f);

        var queued = ApiClient.json(owner.get("/api/moderation"));

        assertThat(queued.size()).isEqualTo(1);
        assertThat(queued.get(0).path("messageId").asLong()).isEqualTo(messageA);
        assertThat(ApiClient.json(owner.get("/api/moderation?threshold=0.6")).size())
                .isEqualTo(2);
    }

    /** Gives a message this offense verdict. */
    private void offense(long messageId, String label, float score) {
        jdbc.update(
                "update classifications set label = ?, score = ? where message_id = ? and analyzer = 'offense'",
                label,
                score,
                messageId);
    }

    @Test
    void dismissingAQueuedCommentTakesItOffTheQueue() {
        offense(messageA, "hate", 0.95f);
        assertThat(ApiClient.json(owner.get("/api/moderation")).size()).isEqualTo(1);
        assertThat(ApiClient.json(owner.get("/api/moderation?threshold=0.96")).size())
                .isZero();
        assertThat(ApiClient.json(other.get("/api/moderation")).size()).isZero();

        assertThat(owner.post("/api/moderation/" + messageA + "/dismiss", null).statusCode())
                .isEqualTo(200);

        assertThat(ApiClient.json(owner.get("/api/moderation")).size()).isZero();
        var handled = ApiClient.json(owner.get("/api/moderation/handled"));
        assertThat(handled.get(0).path("lastAction").asString()).isEqualTo("dismiss");
        assertThat(handled.get(0).path("lastOutcome").asString()).isEqualTo("done");
    }

    @Test
    void thePipelineCountsWhatWaitsAndTheDeadLettersBySourceWithoutShowingThem() {
        try (var connection = TestRedis.client()
                .connect(io.lettuce.core.codec.RedisCodec.of(
                        io.lettuce.core.codec.StringCodec.UTF8, io.lettuce.core.codec.ByteArrayCodec.INSTANCE))) {
            DeadLetters dead = new DeadLetters(connection.sync());
            dead.addListItem(RedisNames.REPLY_QUEUE, "secret reply job".getBytes(), "Graph API said no", 5);
            dead.addListItem(RedisNames.REPLY_QUEUE, "another job".getBytes(), "Graph API said no", 5);
            dead.addListItem(RedisNames.PREPROCESS_QUEUE, "a comment".getBytes(), "bad json", 5);
            connection.sync().lpush(RedisNames.EMAIL_QUEUE, "mail job".getBytes());
        }

        HttpResponse<String> response = viewer.get("/api/pipeline");

        assertThat(response.statusCode()).isEqualTo(200);
        var pipeline = ApiClient.json(response);
        assertThat(pipeline.path("deadLetters").asLong()).isEqualTo(3);
        assertThat(pipeline.path("deadBySource").toString())
                .contains("{\"source\":\"q:preprocess\",\"count\":1}", "{\"source\":\"q:reply\",\"count\":2}");
        assertThat(pipeline.path("queues")
                        .valueStream()
                        .filter(q -> q.path("name").asString().equals(RedisNames.EMAIL_QUEUE))
                        .findFirst()
                        .orElseThrow()
                        .path("waiting")
                        .asLong())
                .isEqualTo(1);
        assertThat(response.body()).as("counts only").doesNotContain("secret", "said no");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertField(owner.get("/api/messages?limit=0"), "limit");
        assertField(owner.get("/api/messages/search?text=" + "x".repeat(201)), "text");
        assertField(owner.get("/api/overview?from=yesterday"), "from");
        assertField(owner.get("/api/overview?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), "from");
        assertField(owner.get("/api/analytics?bucket=soon"), "bucket");
        assertField(owner.get("/api/analytics?bucket=10s"), "bucket");
        assertField(owner.get("/api/analytics?bucket=1m&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "bucket");
        assertField(owner.get("/api/volunteers?limit=1000"), "limit");
        assertField(owner.get("/api/volunteers/abc"), "id");
        assertField(owner.post("/api/volunteers/" + volunteerA + "/merge", "{}"), "duplicateId");
        assertField(
                owner.post("/api/volunteers/" + volunteerA + "/merge", "{\"duplicateId\":" + volunteerA + "}"),
                "duplicateId");
        assertField(owner.post("/api/chat/sessions", "{\"title\":\" \"}"), "title");
        assertField(owner.post("/api/chat/sessions", "{\"title\":\"t\",\"memberIds\":[" + ownerB + "]}"), "memberIds");
        assertField(owner.post("/api/chat/sessions/" + sessionA + "/messages", "{\"text\":\"\"}"), "text");
        assertField(owner.post("/api/signups/" + signupA + "/announcements", "{\"text\":\"  \"}"), "text");
        assertField(
                owner.post("/api/signups/" + signupA + "/announcements", "{\"text\":\"" + "a".repeat(1_001) + "\"}"),
                "text");
        assertThat(jdbc.queryForObject("select count(*) from signup_announcements", Integer.class))
                .as("nothing sent, nothing recorded")
                .isZero();
        assertField(owner.get("/api/chat/sessions/" + sessionA + "/messages?limit=0"), "limit");
        assertField(
                ApiClient.anonymous(port).post("/api/auth/tokens", "{\"email\":\"nope\",\"password\":\"x\"}"), "email");
        assertField(
                owner.send("PUT", "/api/settings", "{\"verificationRequired\":true,\"autoReplies\":[\"gossip\"]}"),
                "autoReplies[0]");
        assertField(owner.send("PUT", "/api/settings", "{\"autoReplies\":[]}"), "verificationRequired");
        assertField(
                owner.send(
                        "PUT",
                        "/api/settings",
                        "{\"verificationRequired\":true,\"autoReplies\":[]," + "\"eventInfo\":\"" + "x".repeat(5001)
                                + "\"}"),
                "eventInfo");
        assertField(owner.get("/api/signups/abc/volunteers"), "id");
        assertField(owner.get("/api/moderation?threshold=2"), "threshold");
        assertField(owner.post("/api/moderation/" + messageA + "/ban", null), "action");
        assertField(owner.post("/api/inbox/100000000000111/fa2/messages", "{\"text\":\" \"}"), "text");
        assertThat(jdbc.queryForObject("select count(*) from chat_sessions", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from moderation_actions", Integer.class))
                .isZero();
    }

    /** JSON's escape of U+0000, which PostgreSQL cannot store in text. */
    private static final String NUL = "\\u0000";

    @Test
    void aNulCharacterInAnyTextIsRefusedNamingTheFieldAndChangesNothing() {
        int tokens = jdbc.queryForObject("select count(*) from api_tokens", Integer.class);

        assertNul(owner.post("/api/signups", signup("\"Sort" + NUL + "ing\"", "{}", slot(2))), "title");
        assertNul(
                owner.send(
                        "PUT",
                        "/api/signups/" + signupA,
                        signup("\"Sorting\"", "{\"where\":\"Mill" + NUL + "\"}", slot(2))),
                "facts.where");
        HttpResponse<String> key = owner.send(
                "PUT",
                "/api/signups/" + signupA,
                signup("\"Sorting\"", "{\"wh" + NUL + "ere\":\"Mill Lane\"}", slot(2)));
        assertField(key, "facts");
        assertThat(ApiClient.json(key).path("reason").asString())
                .isEqualTo("has a key that contains a NUL character (\\u0000), which cannot be stored; remove it");
        assertNul(
                owner.send(
                        "PUT",
                        "/api/settings",
                        "{\"eventInfo\":\"Mill" + NUL + " Lane\",\"verificationRequired\":true,"
                                + "\"autoReplies\":[]}"),
                "eventInfo");
        assertNul(
                owner.send(
                        "PUT",
                        "/api/settings",
                        "{\"verificationRequired\":true,\"autoReplies\":[\"volunteer" + NUL + "\"]}"),
                "autoReplies[0]");
        assertNul(
                owner.post("/api/posts", "{\"pageId\":\"100000000000111\",\"message\":\"Help" + NUL + "\"}"),
                "message");
        assertNul(owner.post("/api/chat/sessions", "{\"title\":\"New" + NUL + "\"}"), "title");
        assertNul(owner.post("/api/chat/sessions/" + sessionA + "/messages", "{\"text\":\"hi" + NUL + "\"}"), "text");
        assertNul(owner.post("/api/inbox/100000000000111/fa2/messages", "{\"text\":\"hi" + NUL + "\"}"), "text");
        assertNul(
                ApiClient.anonymous(port)
                        .post(
                                "/api/auth/tokens",
                                "{\"email\":\"owner@a.example\",\"password\":\"password-owner-a\",\"name\":\"ci" + NUL
                                        + "\"}"),
                "name");

        assertThat(jdbc.queryForList("select title from signups order by id", String.class))
                .containsExactly("Saturday sorting", "Dog walking");
        assertThat(jdbc.queryForObject("select count(*) from signups where facts <> '{}'::jsonb", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from posts", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from chat_sessions", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from chat_messages", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from hand_replies", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from api_tokens", Integer.class))
                .isEqualTo(tokens);
        assertThat(ApiClient.json(owner.get("/api/settings")).path("eventInfo").isNull())
                .isTrue();
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() {
        assertNul(owner.get("/api/messages/search?text=sign%00"), "text");
        assertNul(owner.get("/api/volunteers?q=Maya%00"), "q");
        assertNul(owner.get("/api/messages?author=%00"), "author");
    }

    @Test
    void aNulCharacterInAPathVariableIsRefusedNamingItAndChangesNothing() {
        int sessions = jdbc.queryForObject("select count(*) from chat_sessions", Integer.class);
        int members = jdbc.queryForObject("select count(*) from chat_members", Integer.class);

        // every API path with a variable, the variable holding U+0000 (percent-encoded, as a URL carries it)
        assertNulInPath("GET", "/api/signups/%00", null, "id");
        assertNulInPath("GET", "/api/signups/1%00/volunteers", null, "id");
        assertNulInPath("PUT", "/api/signups/%00", signup("\"Sorting\"", "{}", slot(2)), "id");
        assertNulInPath("GET", "/api/posts/%00", null, "id");
        assertNulInPath("GET", "/api/posts/%00/comments", null, "id");
        assertNulInPath("POST", "/api/posts/%00/publish", null, "id");
        assertNulInPath("POST", "/api/moderation/%00/dismiss", null, "messageId");
        assertNulInPath("POST", "/api/moderation/" + messageA + "/dismiss%00", null, "action");
        assertNulInPath("DELETE", "/api/auth/tokens/%00", null, "id");
        assertNulInPath("GET", "/api/chat/sessions/%00", null, "id");
        assertNulInPath("POST", "/api/chat/sessions/%00/join", null, "id");
        assertNulInPath("GET", "/api/chat/sessions/%00/messages", null, "id");
        assertNulInPath("POST", "/api/chat/sessions/%00/messages", "{\"text\":\"hi\"}", "id");
        assertNulInPath("GET", "/api/volunteers/%00", null, "id");
        assertNulInPath("POST", "/api/volunteers/%00/merge", "{\"duplicateId\":" + duplicateA + "}", "id");
        assertNulInPath("GET", "/api/models/intent%00/versions", null, "analyzer");
        assertNulInPath("POST", "/api/models/%00/active", "{\"version\":1}", "analyzer");
        assertNulInPath("POST", "/api/models/intent%00/rollback", null, "analyzer");
        assertNulInPath("DELETE", "/api/models/%00/versions/1", null, "analyzer");
        assertNulInPath("DELETE", "/api/models/intent/versions/%00", null, "version");
        assertNulInPath("POST", "/api/models/intent%00/train", null, "analyzer");
        assertNulInPath("GET", "/api/models/training/%00", null, "id");
        assertNulInPath("GET", "/api/inbox/100000000000111%00/fa2", null, "pageId");
        assertNulInPath("GET", "/api/inbox/100000000000111/fa2%00", null, "psid");
        assertNulInPath("POST", "/api/inbox/100000000000111/%00/takeover", null, "psid");
        assertNulInPath("POST", "/api/inbox/%00/fa2/handback", null, "pageId");
        assertNulInPath("POST", "/api/inbox/100000000000111/fa2%00/messages", "{\"text\":\"hi\"}", "psid");

        assertThat(jdbc.queryForObject("select count(*) from chat_sessions", Integer.class))
                .isEqualTo(sessions);
        assertThat(jdbc.queryForObject("select count(*) from chat_members", Integer.class))
                .isEqualTo(members);
        assertThat(jdbc.queryForObject("select count(*) from volunteers where merged_into is not null", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from moderation_actions", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from hand_replies", Integer.class))
                .isZero();

        // outside /api: the data deletion status page Facebook links people to
        HttpResponse<String> deletion = ApiClient.anonymous(port).get("/webhooks/facebook/data-deletion/%00");
        assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(400);
        assertThat(ApiClient.json(deletion).path("field").asString()).isEqualTo("code");
        // an /api path that is none of the API's: the same shape, no variable to name
        HttpResponse<String> nowhere = owner.get("/api/nowhere/%00");
        assertThat(nowhere.statusCode()).as(nowhere.body()).isEqualTo(400);
        assertThat(ApiClient.json(nowhere).has("field")).isFalse();
        assertThat(ApiClient.json(nowhere).path("reason").asString())
                .isEqualTo("the path contains a NUL character (%00), which no API path holds; remove it"
                        + " (/docs lists the API's paths)");
    }

    private void assertNulInPath(String method, String path, String body, String variable) {
        HttpResponse<String> response = owner.send(method, path, body);
        assertThat(response.statusCode())
                .as(method + " " + path + " " + response.body())
                .isEqualTo(400);
        assertNul(response, variable);
    }

    private static void assertNul(HttpResponse<String> response, String field) {
        assertField(response, field);
        assertThat(ApiClient.json(response).path("reason").asString())
                .as(response.uri().toString())
                .isEqualTo("contains a NUL character (\\u0000), which cannot be stored; remove it");
    }

    @Test
    void aNullInAListIsRefusedNamingItsPlace() {
        assertNull(owner.post("/api/signups", signup("\"Sorting\"", "{}", "null")), "slots[0]");
        assertNull(
                owner.send("PUT", "/api/signups/" + signupA, signup("\"Sorting\"", "{}", slot(2) + ",null")),
                "slots[1]");
        assertNull(
                owner.send(
                        "PUT", "/api/settings", "{\"verificationRequired\":true,\"autoReplies\":[\"volunteer\",null]}"),
                "autoReplies[1]");
        assertNull(owner.post("/api/chat/sessions", "{\"title\":\"New\",\"memberIds\":[null]}"), "memberIds[0]");
        assertNull(
                owner.send("PUT", "/api/signups/" + signupA, signup("\"Sorting\"", "{\"where\":null}", slot(2))),
                "facts.where");

        assertThat(jdbc.queryForList("select title from signups order by id", String.class))
                .containsExactly("Saturday sorting", "Dog walking");
        assertThat(jdbc.queryForObject("select count(*) from chat_sessions", Integer.class))
                .isEqualTo(2);
        assertThat(ApiClient.json(owner.get("/api/settings"))
                        .path("autoReplies")
                        .size())
                .isEqualTo(6);
    }

    private static void assertNull(HttpResponse<String> response, String field) {
        assertField(response, field);
        assertThat(ApiClient.json(response).path("reason").asString())
                .as(response.uri().toString())
                .isEqualTo("is null; remove it, or give a value");
    }

    private static String signup(String title, String facts, String slots) {
        return "{\"title\":" + title + ",\"facts\":" + facts + ",\"slots\":[" + slots + "]}";
    }

    private static String slot(int daysAhead) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(daysAhead, ChronoUnit.DAYS);
        return "{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plus(3, ChronoUnit.HOURS) + "\",\"required\":2}";
    }

    @Test
    void aTimeWithoutItsZoneIsRefusedSayingTheFormat() {
        HttpResponse<String> response = owner.post(
                "/api/signups",
                signup(
                        "\"Sorting\"",
                        "{}",
                        "{\"startsAt\":\"2026-12-05T09:00:00\",\"endsAt\":\"2026-12-05T12:00:00Z\","
                                + "\"required\":2}"));

        assertField(response, "slots[0].startsAt");
        assertThat(ApiClient.json(response).path("reason").asString())
                .isEqualTo("'2026-12-05T09:00:00' is not an ISO-8601 instant with its zone;"
                        + " write it like 2026-12-05T09:00:00Z (UTC) or 2026-12-05T10:00:00+01:00");
        HttpResponse<String> words =
                owner.post("/api/signups", signup("\"Sorting\"", "{}", slot(2).replace("2}", "\"two\"}")));
        assertField(words, "slots[0].required");
        assertThat(ApiClient.json(words).path("reason").asString())
                .isEqualTo("'two' is not a whole number; write it without quotes, e.g. 2");
    }

    @Test
    void aPostForASignupOrPageNotInTheOrganisationSaysWhich() {
        HttpResponse<String> noSignup = owner.post(
                "/api/posts", "{\"pageId\":\"100000000000111\",\"signupId\":" + signupB + ",\"message\":\"Help\"}");
        HttpResponse<String> noPage = owner.post(
                "/api/posts", "{\"pageId\":\"100000000000222\",\"signupId\":" + signupA + ",\"message\":\"Help\"}");

        assertThat(noSignup.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(noSignup).path("field").asString()).isEqualTo("signupId");
        assertThat(ApiClient.json(noSignup).path("reason").asString())
                .isEqualTo("no signup " + signupB + " in your organisation; GET /api/signups lists them");
        assertThat(noPage.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(noPage).path("field").asString()).isEqualTo("pageId");
        assertThat(ApiClient.json(noPage).path("reason").asString())
                .isEqualTo("no page 100000000000222 in your organisation; GET /api/pages lists the connected ones");
        assertThat(jdbc.queryForObject("select count(*) from posts", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aWrongBasicPasswordAndAnUnknownPathGetTheApisErrorShape() {
        HttpResponse<String> wrongPassword =
                ApiClient.basic(port, "owner@a.example", "not-the-password").get("/api/me");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(ApiClient.json(wrongPassword).path("reason").asString())
                .isEqualTo("wrong e-mail or password; check them, or send Authorization: Bearer <token>"
                        + " (POST /api/auth/tokens gives one)");

        HttpResponse<String> unknown = owner.get("/api/volunteer");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(unknown).path("error").asString()).isEqualTo("Not Found");
        assertThat(ApiClient.json(unknown).path("reason").asString())
                .isEqualTo("no such API path: GET /api/volunteer; /docs lists the API's paths");
    }

    @Test
    void theLoginPageIsAtLogin() {
        HttpResponse<String> login = ApiClient.anonymous(port).get("/login");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(value -> assertThat(value).endsWith("/login.html"));
    }

    @Test
    void mergingFoldsADuplicateIntoOneVolunteer() {
        assertThat(ApiClient.json(owner.get("/api/volunteers/" + volunteerA))
                        .path("email")
                        .isNull())
                .isTrue();
        // the duplicate is the Messenger id under which they verified an address
        jdbc.update(
                "update volunteers set email = 'fa@example.org', email_verified_at = now() where id = ?", duplicateA);
        HttpResponse<String> merged =
                owner.post("/api/volunteers/" + volunteerA + "/merge", "{\"duplicateId\":" + duplicateA + "}");

        assertThat(merged.statusCode()).isEqualTo(200);
        var detail = ApiClient.json(merged);
        assertThat(detail.path("volunteer").path("facebookUserIds").toString())
                .contains("fa1")
                .contains("fa2");
        assertThat(detail.path("volunteer").path("interests").asLong()).isEqualTo(2);
        assertThat(detail.path("messages").size()).isEqualTo(2);
        assertThat(detail.path("email").asString()).isEqualTo("fa@example.org");
        assertThat(ApiClient.json(owner.get("/api/volunteers")).path("total").asLong())
                .isEqualTo(1);
        assertThat(ApiClient.json(owner.get("/api/volunteers/" + duplicateA))
                        .path("volunteer")
                        .path("id")
                        .asLong())
                .as("the duplicate's id leads to the volunteer it was merged into")
                .isEqualTo(volunteerA);
        assertThat(ApiClient.json(owner.get("/api/volunteers?q=fa2"))
                        .path("items")
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(volunteerA);
    }

    private static final String SETTINGS = """
            {"eventInfo": "Warehouse at 3 Mill Lane", "requirementsInfo": null, "donationInfo": "Bank transfer to Riverside",
             "verificationRequired": false, "autoReplies": ["donation", "volunteer"]}
            """;

    private long signup(long organisationId, String title, Instant now) {
        long id = jdbc.queryForObject(
                "insert into signups (organisation_id, title) values (?, ?) returning id",
                Long.class,
                organisationId,
                title);
        jdbc.update(
                "insert into signup_slots (signup_id, starts_at, ends_at, required) values (?, ?, ?, 2)",
                id,
                java.sql.Timestamp.from(now.plus(2, ChronoUnit.DAYS)),
                java.sql.Timestamp.from(now.plus(50, ChronoUnit.HOURS)));
        return id;
    }

    private long post(long organisationId, long signupId, String facebookPostId) {
        return jdbc.queryForObject("""
                insert into posts (organisation_id, page_id, signup_id, message, state, facebook_post_id)
                select ?, id, ?, 'Help us', 'published', ? from pages where organisation_id = ? limit 1 returning id
                """, Long.class, organisationId, signupId, facebookPostId, organisationId);
    }

    private long tokenIdOf(ApiClient client) {
        return ApiClient.json(client.get("/api/auth/tokens")).get(0).path("id").asLong();
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode())
                .as(response.uri() + " " + response.body())
                .isEqualTo(400);
        assertThat(ApiClient.json(response).path("field").asString())
                .as(response.uri().toString())
                .isEqualTo(field);
    }
}
