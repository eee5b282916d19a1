package org.voluntree.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.page.PageTokenHealthCheck;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.reply.AnswerSource;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.reply.ReplySettings;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.SandboxClient;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.FeaturisedMessage;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import tools.jackson.databind.JsonNode;

/**
 * Connecting a page, publishing a signup's post and reading back what the webhook missed, all
 * against the app's own Facebook sandbox. The sandbox's webhook deliveries go nowhere here, as if
 * Facebook had given up on the endpoint, so only the reconciliation can bring the comments in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "voluntree.facebook.sandbox.enabled=true",
            "voluntree.facebook.sandbox.webhook-url=http://127.0.0.1:9/unreachable",
            "voluntree.posts.due-check-every=1s"
        })
@Import(OrganisationFixture.class)
@DirtiesContext
class PagesPostsAndReconciliationIT {

    private static final String PAGE = "100000000000555";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers,scheduler");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    List<AnswerSource> answers;

    @Autowired
    PageTokenHealthCheck tokenCheck;

    @Autowired
    GraphApi graph;

    @Autowired
    PageTokens pages;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    ApiClient owner;
    ApiClient viewer;
    SandboxClient sandbox;
    String pageToken;

    @BeforeEach
    void setUp() {
        // keep the registry the app loaded at start; forget the pipeline's traffic of earlier tests
        redis.sync().del(RedisNames.COMMENTS_STREAM, RedisNames.PREPROCESS_QUEUE);
        List<String> seen = redis.sync().keys(RedisNames.seenEvent("*"));
        if (!seen.isEmpty()) {
            redis.sync().del(seen.toArray(String[]::new));
        }
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Harbour Cleanup");
        fixture.admin(org, "owner@harbour.example", "owner-password", "owner");
        fixture.admin(org, "viewer@harbour.example", "viewer-password", "viewer");
        owner = ApiClient.basic(port, "owner@harbour.example", "owner-password");
        viewer = ApiClient.basic(port, "viewer@harbour.example", "viewer-password");
        sandbox = new SandboxClient(port);
        sandbox.reset();
        pageToken = sandbox.pageToken(PAGE, "Harbour Cleanup");
    }

    @Test
    void connectingAPageChecksItsTokenSubscribesTheAppAndStoresTheTokenEncrypted() {
        assertThat(viewer.post("/api/pages", "{\"pageToken\":\"" + pageToken + "\"}")
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> connected = owner.post("/api/pages", "{\"pageToken\":\"" + pageToken + "\"}");

        assertThat(connected.statusCode()).isEqualTo(201);
        JsonNode page = Json.MAPPER.readTree(connected.body());
        assertThat(page.path("pageId").asString()).isEqualTo(PAGE);
        assertThat(page.path("name").asString()).isEqualTo("Harbour Cleanup");
        assertThat(page.path("tokenStatus").asString()).isEqualTo("valid");
        JsonNode subscriptions = sandbox.get("/sandbox/control/pages").path("data");
        assertThat(subscriptions.toString()).contains("messaging_postbacks").contains("message_echoes");
        byte[] stored =
                jdbc.queryForObject("select access_token from pages where facebook_page_id = ?", byte[].class, PAGE);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(pageToken);
        assertThat(owner.post("/api/pages", "{\"pageToken\":\"not-a-token\"}").statusCode())
                .isEqualTo(422);
    }

    @Test
    void aSignupsPostIsPublishedWithItsScheduleAndMissedCommentsAreReconciledOnce() {
        owner.post("/api/pages", "{\"pageToken\":\"" + pageToken + "\"}");
        Instant saturday = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> signup = owner.post("/api/signups", """
                {"title": "Beach cleanup", "facts": {"location": "North beach car park"},
                 "slots": [{"startsAt": "%s", "endsAt": "%s", "required": 5},
                           {"startsAt": "%s", "endsAt": "%s", "required": 1}]}
                """.formatted(
                        saturday,
                        saturday.plus(3, ChronoUnit.HOURS),
                        saturday.plus(4, ChronoUnit.HOURS),
                        saturday.plus(6, ChronoUnit.HOURS)));
        assertThat(signup.statusCode()).isEqualTo(201);
        long signupId = Json.MAPPER.readTree(signup.body()).path("id").asLong();
        HttpResponse<String> draft = owner.post("/api/posts", """
                {"pageId": "%s", "signupId": %d, "message": "Join us on the beach!"}
                """.formatted(PAGE, signupId));
        assertThat(draft.statusCode()).isEqualTo(201);
        long postId = Json.MAPPER.readTree(draft.body()).path("id").asLong();
        assertThat(Json.MAPPER.readTree(draft.body()).path("state").asString()).isEqualTo("draft");

        assertThat(owner.post("/api/posts/" + postId + "/publish", "{}").statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "published"
                        .equals(Json.MAPPER
                                .readTree(owner.get("/api/posts/" + postId).body())
                                .path("state")
                                .asString()));
        String facebookPostId = Json.MAPPER
                .readTree(owner.get("/api/posts/" + postId).body())
                .path("facebookPostId")
                .asString();
        JsonNode onFacebook = sandbox.get("/sandbox/requests?path=/feed&method=POST")
                .path("data")
                .get(0);
        assertThat(onFacebook.path("parameters").toString())
                .contains("Join us on the beach!")
                .contains("Beach cleanup")
                .contains("5 volunteers needed");
        assertThat(owner.post("/api/posts/" + postId + "/publish", "{}").statusCode())
                .as("a published post is not published again")
                .isEqualTo(409);

        // questions under the post are answered from the signup's facts and slots
        assertThat(firstAnswer(facebookPostId, "where do we park?", "event_question"))
                .hasValueSatisfying(answer -> assertThat(answer).contains("Location: North beach car park"));
        assertThat(firstAnswer(facebookPostId, "what time does it start?", "event_question"))
                .hasValueSatisfying(answer -> assertThat(answer).contains("Times: "));
        assertThat(firstAnswer("another-post", "where do we park?", "event_question"))
                .as("no signup behind the post: the organisation's info, here none")
                .isEmpty();

        // two comments Facebook never delivered to the webhook
        sandbox.post("/sandbox/simulate/comment", """
                {"pageId": "%s", "postId": "%s", "authorName": "Ana Ruiz", "text": "count me in!"}
                """.formatted(PAGE, facebookPostId));
        sandbox.post("/sandbox/simulate/comment", """
                {"pageId": "%s", "postId": "%s", "authorName": "Ben Ode", "text": "where do we park?"}
                """.formatted(PAGE, facebookPostId));

        reconciliation.reconcileAll();
        reconciliation.reconcileAll();

        await().atMost(Duration.ofSeconds(30)).until(() -> featurisedTexts().size() >= 2);
        assertThat(featurisedTexts())
                .as("each missed comment entered the pipeline once")
                .containsExactlyInAnyOrder("count me in!", "where do we park?");

        // the page deletes the post on Facebook: it is marked removed and no longer read
        sandbox.deletePost(facebookPostId, pageToken);
        reconciliation.reconcileAll();
        assertThat(Json.MAPPER
                        .readTree(owner.get("/api/posts/" + postId).body())
                        .path("state")
                        .asString())
                .isEqualTo("removed");
        assertThat(reconciliation.activePosts()).isEmpty();
    }

    @Test
    void aRetryAfterAnInterruptedPublishRecordsThePostFacebookTookInsteadOfPublishingItAgain() {
        owner.post("/api/pages", "{\"pageToken\":\"" + pageToken + "\"}");
        long interrupted = draft("Spring fair: help us set up the stalls");
        long neverSent = draft("Autumn fair: help us tidy up");
        // the worker called Facebook for the first post and died before recording the answer; the
        // second attempt died before its call reached Facebook
        String takenByFacebook =
                graph.publishPost(pages.access(PAGE), "Spring fair: help us set up the stalls", null, null);
        jdbc.update("""
                update posts set state = 'publishing', publish_attempted_at = now() - interval '5 seconds'
                 where id in (?, ?)
                """, interrupted, neverSent);

        for (long id : List.of(interrupted, neverSent)) {
            redis.sync()
                    .lpush(
                            RedisNames.PUBLISH_QUEUE,
                            Long.toString(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select count(*) from posts where state = 'published'", Long.class) == 2);
        assertThat(jdbc.queryForObject("select facebook_post_id from posts where id = ?", String.class, interrupted))
                .as("the post already on the page is recorded")
                .isEqualTo(takenByFacebook);
        JsonNode published =
                sandbox.get("/sandbox/requests?path=/feed&method=POST").path("data");
        assertThat(published
                        .valueStream()
                        .map(r -> r.path("parameters").path("message").asString()))
                .as("each post went to Facebook once")
                .containsExactlyInAnyOrder("Spring fair: help us set up the stalls", "Autumn fair: help us tidy up");
        assertThat(jdbc.queryForObject("select facebook_post_id from posts where id = ?", String.class, neverSent))
                .isNotBlank()
                .isNotEqualTo(takenByFacebook);
    }

    @Test
    void aPhotoPostGoesOutAsAPhotoWithItsCaptionAndItsCommentsAreReadUnderThePagePost() {
        owner.post("/api/pages", "{\"pageToken\":\"" + pageToken + "\"}");
        HttpResponse<String> created = owner.post("/api/posts", """
                {"pageId": "%s", "message": "Our crew last Saturday: join the next one!",
                 "photoUrl": "https://example.org/crew.jpg"}
                """.formatted(PAGE));
        assertThat(created.statusCode()).isEqualTo(201);
        long postId = Json.MAPPER.readTree(created.body()).path("id").asLong();
        assertThat(Json.MAPPER
                        .readTree(owner.get("/api/posts/" + postId).body())
                        .path("signupId")
                        .isNull())
                .as("a post without a signup says so (it read 0)")
                .isTrue();

        assertThat(owner.post("/api/posts/" + postId + "/publish", "{}").statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "published"
                        .equals(Json.MAPPER
                                .readTree(owner.get("/api/posts/" + postId).body())
                                .path("state")
                                .asString()));
        JsonNode photo = sandbox.get("/sandbox/requests?path=/photos&method=POST")
                .path("data")
                .get(0);
        assertThat(photo.path("parameters").path("url").asString()).isEqualTo("https://example.org/crew.jpg");
        assertThat(photo.path("parameters").path("caption").asString())
                .isEqualTo("Our crew last Saturday: join the next one!");
        assertThat(sandbox.get("/sandbox/requests?path=/feed&method=POST")
                        .path("count")
                        .asInt())
                .as("a photo post is not also a text post")
                .isZero();
        String facebookPostId = Json.MAPPER
                .readTree(owner.get("/api/posts/" + postId).body())
                .path("facebookPostId")
                .asString();
        assertThat(facebookPostId)
                .as("the page post that carries the photo, where people comment")
                .startsWith(PAGE + "_");

        sandbox.post("/sandbox/simulate/comment", """
                {"pageId": "%s", "postId": "%s", "authorName": "Lia Park", "text": "count me in next time!"}
                """.formatted(PAGE, facebookPostId));
        reconciliation.reconcileAll();
        await().atMost(Duration.ofSeconds(30)).until(() -> featurisedTexts().contains("count me in next time!"));
    }

    private long draft(String message) {
        HttpResponse<String> draft = owner.post("/api/posts", """
                {"pageId": "%s", "message": "%s"}
                """.formatted(PAGE, message));
        assertThat(draft.statusCode()).isEqualTo(201);
        return Json.MAPPER.readTree(draft.body()).path("id").asLong();
    }

    @Test
    void facebooksLoginDialogConnectsThePagesTheAdminGrantedAndAScheduledPostWaitsForItsTime() throws Exception {
        String redirect = "http://127.0.0.1/after-login";
        HttpResponse<String> dialog = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/sandbox/dialog/oauth?client_id=" + TestServers.APP_ID + "&redirect_uri="
                                        + redirect + "&state=s1&pages=" + PAGE))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String location = dialog.headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

        HttpResponse<String> connected =
                owner.post("/api/pages/oauth", "{\"code\":\"" + code + "\",\"redirectUri\":\"" + redirect + "\"}");

        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        assertThat(connected.body()).contains("\"pageId\":\"" + PAGE + "\"").contains("\"tokenStatus\":\"valid\"");

        HttpResponse<String> late = owner.post("/api/posts", """
                {"pageId": "%s", "message": "Tree planting last week!", "scheduledAt": "2020-01-01T09:00:00Z"}
                """.formatted(PAGE));
        assertThat(late.statusCode())
                .as("a time that has passed is a mistake, not 'now'")
                .isEqualTo(400);
        assertThat(late.body()).contains("\"field\":\"scheduledAt\"");
        HttpResponse<String> farOff = owner.post("/api/posts", """
                {"pageId": "%s", "message": "Tree planting!", "scheduledAt": "+999999-01-01T09:00:00Z"}
                """.formatted(PAGE));
        assertThat(farOff.statusCode()).as(farOff.body()).isEqualTo(400);
        assertThat(farOff.body()).contains("\"field\":\"scheduledAt\"", "check the year");

        HttpResponse<String> draft =
                owner.post("/api/posts", """
                {"pageId": "%s", "message": "Tree planting next week!", "scheduledAt": "%s"}
                """.formatted(PAGE, Instant.now().plusSeconds(3)));
        long postId = Json.MAPPER.readTree(draft.body()).path("id").asLong();
        HttpResponse<String> publish = owner.post("/api/posts/" + postId + "/publish", "{}");
        assertThat(publish.body()).contains("\"state\":\"scheduled\"");
        assertThat(sandbox.get("/sandbox/requests?path=/feed&method=POST")
                        .path("count")
                        .asInt())
                .as("nothing is posted before its time")
                .isZero();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "published"
                        .equals(Json.MAPPER
                                .readTree(owner.get("/api/posts/" + postId).body())
                                .path("state")
                                .asString()));
        assertThat(sandbox.get("/sandbox/requests?path=/feed&method=POST")
                        .path("count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void thePeriodicTokenCheckMarksAPageWhoseTokenFacebookRevoked() {
        owner.post("/api/pages", "{\"pageToken\":\"" + pageToken + "\"}");
        tokenCheck.checkAll();
        assertThat(owner.get("/api/pages").body()).contains("\"tokenStatus\":\"valid\"");

        sandbox.revokeTokens(PAGE);
        tokenCheck.checkAll();

        assertThat(owner.get("/api/pages").body()).contains("\"tokenStatus\":\"needs_reauthorisation\"");
    }

    @Test
    void anotherOrganisationsSignupIsNotFoundAndBadSlotsNameTheField() {
        assertThat(viewer.get("/api/signups/999999").statusCode()).isEqualTo(404);
        HttpResponse<String> backwards = owner.post("/api/signups", """
                {"title": "Backwards", "slots": [{"startsAt": "2030-01-01T12:00:00Z", "endsAt": "2030-01-01T10:00:00Z",
                  "required": 2}]}
                """);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("slots[0].endsAt");
        HttpResponse<String> noSlots = owner.post("/api/signups", "{\"title\": \"Empty\", \"slots\": []}");
        assertThat(noSlots.statusCode()).isEqualTo(400);
        assertThat(noSlots.body()).contains("\"field\":\"slots\"");
    }

    private Optional<String> firstAnswer(String postId, String question, String intent) {
        MessageToAnswer message = new MessageToAnswer(
                1,
                1,
                new InboundEvent(
                        "c:q:add",
                        EventKind.COMMENT,
                        PAGE,
                        "q",
                        postId,
                        null,
                        "add",
                        "42",
                        "Ana",
                        question,
                        null,
                        Instant.now(),
                        Instant.now()),
                Map.of());
        ReplySettings settings = new ReplySettings("Harbour Cleanup", null, null, null, true, Set.of(intent));
        return answers.stream()
                .map(source -> source.answer(message, intent, settings))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private List<String> featurisedTexts() {
        return redis.sync().xrange(RedisNames.COMMENTS_STREAM, Range.create("-", "+")).stream()
                .map(m -> FeaturisedMessage.fromFields(m.getBody()).event().text())
                .toList();
    }
}
