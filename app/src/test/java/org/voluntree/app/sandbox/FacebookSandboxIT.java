package org.voluntree.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.restfb.AccessToken;
import com.restfb.BinaryAttachment;
import com.restfb.Connection;
import com.restfb.DefaultFacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookOAuthException;
import com.restfb.json.JsonObject;
import com.restfb.types.Account;
import com.restfb.types.Comment;
import com.restfb.types.DebugTokenInfo;
import com.restfb.types.FacebookType;
import com.restfb.types.GraphResponse;
import com.restfb.types.Post;
import com.restfb.types.send.ButtonTemplatePayload;
import com.restfb.types.send.CommentIdMessageRecipient;
import com.restfb.types.send.IdMessageRecipient;
import com.restfb.types.send.Message;
import com.restfb.types.send.MessagingType;
import com.restfb.types.send.PostbackButton;
import com.restfb.types.send.QuickReply;
import com.restfb.types.send.SendResponse;
import com.restfb.types.send.TemplateAttachment;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox inside the real app (web role, real Redis), driven the way Voluntree's Graph client
 * will drive Facebook: RestFB's {@link DefaultFacebookClient} with the app secret (so every call
 * carries {@code appsecret_proof}) and its Graph endpoint pointed at {@code /sandbox/graph}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"voluntree.facebook.sandbox.enabled=true", "voluntree.facebook.sandbox.calls-per-window=50"})
@DirtiesContext
class FacebookSandboxIT {

    private static final AtomicLong PAGE_IDS = new AtomicLong(100000000000500L);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxPages sandboxPages;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String root;
    private String pageId;
    private String pageToken;
    private DefaultFacebookClient page;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        root = "http://127.0.0.1:" + port;
        assertThat(post("/sandbox/control/reset", "").statusCode()).isEqualTo(204);
        pageId = Long.toString(PAGE_IDS.incrementAndGet());
        JsonNode created =
                json(post("/sandbox/control/pages", "{\"id\":\"" + pageId + "\",\"name\":\"Hillside Shelter\"}"));
        pageToken = created.path("access_token").asString();
        page = client(pageToken, TestServers.APP_SECRET);
    }

    @Test
    void publishesPostsAndPhotosAndReadsThemBack() {
        FacebookType post = page.publish(
                pageId + "/feed",
                FacebookType.class,
                Parameter.with("message", "Volunteers wanted on Saturday"),
                Parameter.with("link", "https://example.org"));
        GraphResponse photo = page.publish(
                pageId + "/photos",
                GraphResponse.class,
                BinaryAttachment.with("source", new byte[] {1, 2, 3, 4}, "image/png"),
                Parameter.with("message", "Last year's team"));
        FacebookType scheduled = page.publish(
                pageId + "/feed",
                FacebookType.class,
                Parameter.with("message", "Reminder"),
                Parameter.with("published", false),
                Parameter.with("scheduled_publish_time", System.currentTimeMillis() / 1000 + 3600));

        assertThat(post.getId()).startsWith(pageId + "_");
        assertThat(photo.getId()).isNotBlank();
        assertThat(photo.getPostId()).startsWith(pageId + "_");
        Post read = page.fetchObject(post.getId(), Post.class, Parameter.with("fields", "id,message,created_time"));
        assertThat(read.getMessage()).isEqualTo("Volunteers wanted on Saturday");
        assertThat(read.getCreatedTime()).isNotNull();
        assertThat(page.fetchObject(scheduled.getId(), Post.class, Parameter.with("fields", "is_published"))
                        .getIsPublished())
                .isFalse();
        assertThat(json(get("/sandbox/requests?path=/photos"))
                        .path("data")
                        .get(0)
                        .path("parameters")
                        .path("source")
                        .asString())
                .isEqualTo("<4 bytes image/png>");

        assertThatThrownBy(() -> page.publish(pageId + "/feed", FacebookType.class, Parameter.with("published", true)))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(100));
        assertThatThrownBy(() -> page.fetchObject(pageId + "_404", Post.class))
                .isInstanceOfSatisfying(FacebookGraphException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(100);
                    assertThat(e.getErrorSubcode()).isEqualTo(33);
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                });
    }

    @Test
    void anotherPagesTokenSeesNothing() {
        String postId = page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "hi"))
                .getId();
        DefaultFacebookClient demo = client(sandboxPages.demoPageToken(), TestServers.APP_SECRET);

        assertThat(demo.fetchObject("me", JsonObject.class).getString("id", null))
                .isEqualTo(sandboxPages.demoPageId());
        assertThatThrownBy(() -> demo.fetchObject(postId, Post.class))
                .isInstanceOfSatisfying(
                        FacebookGraphException.class,
                        e -> assertThat(e.getErrorSubcode()).isEqualTo(33));
    }

    @Test
    void pagesThroughCommentsAndRepliesPublicly() {
        String postId = page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "Who's in?"))
                .getId();
        for (int i = 1; i <= 5; i++) {
            simulateComment(postId, "Person " + i, "comment " + i);
        }

        // RestFB's own iteration follows paging.next upgraded to https://; against the http sandbox, page by cursor
        Parameter fields = Parameter.with("fields", "id,message,from,created_time,can_reply_privately");
        Connection<Comment> comments =
                page.fetchConnection(postId + "/comments", Comment.class, Parameter.with("limit", 2), fields);
        List<Comment> all = new ArrayList<>(comments.getData());
        int pages = 1;
        while (comments.hasNext()) {
            assertThat(comments.getNextPageUrl())
                    .contains("after=" + comments.getAfterCursor().replace("=", "%3D"));
            comments = page.fetchConnection(
                    postId + "/comments",
                    Comment.class,
                    Parameter.with("limit", 2),
                    fields,
                    Parameter.with("after", comments.getAfterCursor()));
            all.addAll(comments.getData());
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(all)
                .extracting(Comment::getMessage)
                .containsExactly("comment 1", "comment 2", "comment 3", "comment 4", "comment 5");
        assertThat(all.get(0).getFrom().getName()).isEqualTo("Person 1");
        assertThat(all.get(0).getCanReplyPrivately()).isTrue();

        FacebookType reply = page.publish(
                all.get(0).getId() + "/comments",
                FacebookType.class,
                Parameter.with("message", "Thank you, see you Saturday!"));
        List<Comment> replies = page.fetchConnection(
                        all.get(0).getId() + "/comments",
                        Comment.class,
                        Parameter.with("fields", "id,message,from,parent"))
                .getData();
        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.getId()).isEqualTo(reply.getId());
            assertThat(r.getFrom().getId()).isEqualTo(pageId);
            assertThat(r.getParent().getId()).isEqualTo(all.get(0).getId());
        });
        assertThat(page.fetchConnection(postId + "/comments", Comment.class, Parameter.with("filter", "stream"))
                        .getData())
                .hasSize(6);
    }

    @Test
    void allowsOnePrivateReplyPerComment() {
        String postId = page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "Sign up!"))
                .getId();
        JsonNode delivery = simulateComment(postId, "Maya Cruz", "Count me in!");
        String commentId = delivery.path("payload")
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value")
                .path("comment_id")
                .asString();
        String authorId = delivery.path("payload")
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value")
                .path("from")
                .path("id")
                .asString();

        SendResponse sent = page.publish(
                pageId + "/messages",
                SendResponse.class,
                Parameter.with("recipient", new CommentIdMessageRecipient(commentId)),
                Parameter.with("message", new Message("Thanks Maya! Reply here to pick a shift.")));

        assertThat(sent.getRecipientId()).isEqualTo(authorId);
        assertThat(sent.getMessageId()).startsWith("m_");
        assertThatThrownBy(() -> page.publish(
                        pageId + "/messages",
                        SendResponse.class,
                        Parameter.with("recipient", new CommentIdMessageRecipient(commentId)),
                        Parameter.with("message", new Message("Again?"))))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(10900));
        JsonNode messages = json(get("/sandbox/messages?pageId=" + pageId));
        assertThat(messages.path("count").asInt()).isEqualTo(1);
        assertThat(messages.path("data").get(0).path("commentId").asString()).isEqualTo(commentId);
        assertThat(messages.path("data").get(0).path("message").path("text").asString())
                .startsWith("Thanks Maya");

        post("/sandbox/control/clock", "{\"advance\":\"8d\"}");
        String late = simulateCommentId(postId, "Sam Lee", "me too");
        post("/sandbox/control/clock", "{\"advance\":\"P7DT1M\"}");
        assertThatThrownBy(() -> page.publish(
                        pageId + "/messages",
                        SendResponse.class,
                        Parameter.with("recipient", new CommentIdMessageRecipient(late)),
                        Parameter.with("message", new Message("Sorry for the delay"))))
                .isInstanceOfSatisfying(FacebookOAuthException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(10);
                    assertThat(e.getErrorSubcode()).isEqualTo(2018278);
                });
    }

    @Test
    void refusesStandardMessagesOutsideTheWindowButAcceptsAnAllowedTag() {
        post(
                "/sandbox/simulate/message",
                "{\"pageId\":\"" + pageId + "\",\"psid\":\"PSID-5\",\"text\":\"hi, can I help?\"}");
        Message consent = new Message("Can we store your email to confirm your shift?");
        consent.addQuickReply(new QuickReply("Yes", "CONSENT_YES"));
        consent.addQuickReply(new QuickReply("No", "CONSENT_NO"));

        SendResponse inWindow = page.publish(
                pageId + "/messages",
                SendResponse.class,
                Parameter.with("recipient", new IdMessageRecipient("PSID-5")),
                Parameter.with("message", consent),
                Parameter.with("messaging_type", MessagingType.RESPONSE));
        assertThat(inWindow.getRecipientId()).isEqualTo("PSID-5");

        post("/sandbox/control/clock", "{\"advance\":\"PT25H\"}");
        assertThatThrownBy(() -> page.publish(
                        pageId + "/messages",
                        SendResponse.class,
                        Parameter.with("recipient", new IdMessageRecipient("PSID-5")),
                        Parameter.with("message", new Message("Still there?")),
                        Parameter.with("messaging_type", MessagingType.UPDATE)))
                .isInstanceOfSatisfying(FacebookOAuthException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(10);
                    assertThat(e.getErrorSubcode()).isEqualTo(2018278);
                });

        ButtonTemplatePayload slots = new ButtonTemplatePayload("Your shift on Saturday is confirmed. Change it?");
        slots.addButton(new PostbackButton("Morning", "SLOT_AM"));
        slots.addButton(new PostbackButton("Afternoon", "SLOT_PM"));
        SendResponse tagged = page.publish(
                pageId + "/messages",
                SendResponse.class,
                Parameter.with("recipient", new IdMessageRecipient("PSID-5")),
                Parameter.with("message", new Message(new TemplateAttachment(slots))),
                Parameter.with("messaging_type", MessagingType.MESSAGE_TAG),
                Parameter.with("tag", "CONFIRMED_EVENT_UPDATE"));
        assertThat(tagged.getMessageId()).startsWith("m_");
        assertThat(json(get("/sandbox/messages?recipientId=PSID-5"))
                        .path("data")
                        .get(1)
                        .path("message")
                        .path("attachment")
                        .path("payload")
                        .path("buttons")
                        .get(1)
                        .path("payload")
                        .asString())
                .isEqualTo("SLOT_PM");

        assertThatThrownBy(() -> page.publish(
                        pageId + "/messages",
                        SendResponse.class,
                        Parameter.with("recipient", new IdMessageRecipient("PSID-5")),
                        Parameter.with("message", new Message("Buy now")),
                        Parameter.with("messaging_type", MessagingType.MESSAGE_TAG),
                        Parameter.with("tag", "PROMOTION")))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(100));
    }

    @Test
    void aConversationListsWhatBothSidesSaidNewestFirst() {
        post(
                "/sandbox/simulate/message",
                "{\"pageId\":\"" + pageId + "\",\"psid\":\"PSID-6\",\"text\":\"hi, can I help?\"}");
        post("/sandbox/control/clock", "{\"advance\":\"PT2S\"}");
        page.publish(
                pageId + "/messages",
                SendResponse.class,
                Parameter.with("recipient", new IdMessageRecipient("PSID-6")),
                Parameter.with("message", new Message("Yes please!")),
                Parameter.with("messaging_type", MessagingType.RESPONSE));
        post("/sandbox/control/clock", "{\"advance\":\"PT2S\"}");
        post(
                "/sandbox/simulate/message",
                "{\"pageId\":\"" + pageId + "\",\"psid\":\"PSID-6\",\"text\":\"great, see you\"}");

        JsonObject conversations = page.fetchObject(
                pageId + "/conversations",
                JsonObject.class,
                Parameter.with("platform", "messenger"),
                Parameter.with("user_id", "PSID-6"),
                Parameter.with("fields", "messages.limit(25){message,from,created_time}"));

        var messages = conversations
                .get("data")
                .asArray()
                .get(0)
                .asObject()
                .get("messages")
                .asObject()
                .get("data")
                .asArray();
        List<String> said = new ArrayList<>();
        for (var message : messages) {
            said.add(message.asObject().get("from").asObject().getString("id", null) + ": "
                    + message.asObject().getString("message", null));
        }
        assertThat(said).containsExactly("PSID-6: great, see you", pageId + ": Yes please!", "PSID-6: hi, can I help?");
    }

    @Test
    void subscribesTheAppToThePage() {
        GraphResponse subscribed = page.publish(
                pageId + "/subscribed_apps",
                GraphResponse.class,
                Parameter.with("subscribed_fields", "feed,messages,messaging_postbacks"));
        JsonObject apps = page.fetchObject(pageId + "/subscribed_apps", JsonObject.class);

        assertThat(subscribed.isSuccess()).isTrue();
        JsonObject app = apps.get("data").asArray().get(0).asObject();
        assertThat(app.getString("id", null)).isEqualTo(sandboxPages.appId());
        assertThat(app.get("subscribed_fields").asArray().toString())
                .isEqualTo("[\"feed\",\"messages\"," + "\"messaging_postbacks\"]");
        assertThatThrownBy(() -> page.publish(
                        pageId + "/subscribed_apps",
                        GraphResponse.class,
                        Parameter.with("subscribed_fields", "feed,likes_everything")))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(100));
    }

    @Test
    void debugsTokensAndRefusesRevokedOnes() {
        DefaultFacebookClient app = client(sandboxPages.appId() + "|" + TestServers.APP_SECRET, TestServers.APP_SECRET);

        DebugTokenInfo valid = app.debugToken(pageToken);
        assertThat(valid.isValid()).isTrue();
        assertThat(valid.getType()).isEqualTo("PAGE");
        assertThat(valid.getProfileId()).isEqualTo(pageId);
        assertThat(valid.getAppId()).isEqualTo(sandboxPages.appId());
        assertThat(valid.getScopes()).contains("pages_messaging", "pages_manage_posts");

        post("/sandbox/control/tokens/" + pageId + "/revoke", "");

        DebugTokenInfo revoked = app.debugToken(pageToken);
        assertThat(revoked.isValid()).isFalse();
        assertThat(revoked.getDebugTokenError().getCode()).isEqualTo(190);
        assertThat(revoked.getDebugTokenError().getSubcode()).isEqualTo(460);
        assertThatThrownBy(() -> page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "x")))
                .isInstanceOfSatisfying(FacebookOAuthException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(190);
                    assertThat(e.getErrorSubcode()).isEqualTo(460);
                });
        DebugTokenInfo garbage = app.debugToken("EAAgarbage");
        assertThat(garbage.isValid()).isFalse();
        assertThat(garbage.getDebugTokenError().getCode()).isEqualTo(190);

        String fresh = json(post("/sandbox/control/tokens/" + pageId, ""))
                .path("access_token")
                .asString();
        assertThat(client(fresh, TestServers.APP_SECRET)
                        .publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "back"))
                        .getId())
                .startsWith(pageId);
    }

    @Test
    void exchangesALoginCodeForAUserTokenThatListsPagesWithTheirTokens() {
        String redirect = "https://voluntree.example/connect/facebook/callback";
        HttpResponse<String> dialog = get("/sandbox/dialog/oauth?client_id=" + sandboxPages.appId() + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&state=xyz&pages=" + pageId);
        assertThat(dialog.statusCode()).isEqualTo(302);
        URI location = URI.create(dialog.headers().firstValue("Location").orElseThrow());
        assertThat(location.getQuery()).contains("state=xyz");
        String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        DefaultFacebookClient anonymous = new DefaultFacebookClient(Version.VERSION_24_0);
        anonymous.setFacebookEndpointUrls(endpoints());
        AccessToken userToken =
                anonymous.obtainUserAccessToken(sandboxPages.appId(), TestServers.APP_SECRET, redirect, code);
        assertThat(userToken.getAccessToken()).startsWith("EAA");
        assertThat(userToken.getExpires()).isNotNull();
        assertThatThrownBy(() ->
                        anonymous.obtainUserAccessToken(sandboxPages.appId(), TestServers.APP_SECRET, redirect, code))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorSubcode()).isEqualTo(36009));

        DefaultFacebookClient user = client(userToken.getAccessToken(), TestServers.APP_SECRET);
        List<Account> accounts =
                user.fetchConnection("me/accounts", Account.class).getData();
        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.getId()).isEqualTo(pageId);
            assertThat(account.getName()).isEqualTo("Hillside Shelter");
            assertThat(account.getTasks()).contains("MESSAGING", "MODERATE", "CREATE_CONTENT");
            assertThat(client(account.getAccessToken(), TestServers.APP_SECRET)
                            .publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "Connected!"))
                            .getId())
                    .startsWith(pageId);
        });
        assertThatThrownBy(() -> user.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "x")))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(210));
    }

    @Test
    void hidesAndDeletesComments() {
        String postId = page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "Hi"))
                .getId();
        String commentId = simulateCommentId(postId, "Troll", "spam spam");

        assertThat(page.publish(commentId, GraphResponse.class, Parameter.with("is_hidden", true))
                        .isSuccess())
                .isTrue();
        assertThat(page.fetchObject(commentId, Comment.class, Parameter.with("fields", "is_hidden"))
                        .getIsHidden())
                .isTrue();
        assertThat(page.deleteObject(commentId)).isTrue();
        assertThatThrownBy(() -> page.fetchObject(commentId, Comment.class))
                .isInstanceOfSatisfying(
                        FacebookGraphException.class,
                        e -> assertThat(e.getErrorSubcode()).isEqualTo(33));
    }

    @Test
    void forcedRateLimitsFailWithTheDocumentedCodesAndFullUsage() {
        post("/sandbox/control/rate-limit", "{\"pageId\":\"" + pageId + "\",\"code\":32,\"count\":1}");
        assertThatThrownBy(() -> page.fetchObject(pageId, JsonObject.class))
                .isInstanceOfSatisfying(FacebookOAuthException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(32);
                    assertThat(e.getIsTransient()).isTrue();
                });
        assertThat(page.getWebRequestor().getDebugHeaderInfo().getPageUsage().getCallCount())
                .isEqualTo(100);
        page.fetchObject(pageId, JsonObject.class);
        assertThat(page.getWebRequestor().getDebugHeaderInfo().getPageUsage().getCallCount())
                .isLessThan(100);

        post("/sandbox/control/rate-limit", "{\"code\":4,\"count\":1}");
        assertThatThrownBy(() -> page.fetchObject(pageId, JsonObject.class))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(4));
        assertThat(page.getWebRequestor().getDebugHeaderInfo().getAppUsage().getCallCount())
                .isEqualTo(100);

        post("/sandbox/control/rate-limit", "{\"pageId\":\"" + pageId + "\",\"code\":613,\"count\":1}");
        assertThatThrownBy(() -> page.fetchObject(pageId, JsonObject.class))
                .isInstanceOfSatisfying(
                        FacebookOAuthException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(613));
    }

    @Test
    void usageHeadersGrowWithCalls() {
        page.fetchObject(pageId, JsonObject.class);
        int app = page.getWebRequestor().getDebugHeaderInfo().getAppUsage().getCallCount();
        int pageUsage =
                page.getWebRequestor().getDebugHeaderInfo().getPageUsage().getCallCount();
        page.fetchObject(pageId, JsonObject.class);

        assertThat(page.getWebRequestor().getDebugHeaderInfo().getAppUsage().getCallCount())
                .isEqualTo(app + 2);
        assertThat(page.getWebRequestor().getDebugHeaderInfo().getPageUsage().getCallCount())
                .isEqualTo(pageUsage + 2);

        post(
                "/sandbox/control/usage",
                "{\"pageId\":\"" + pageId + "\",\"callCount\":91,\"totalCputime\":10," + "\"totalTime\":20}");
        page.fetchObject(pageId, JsonObject.class);
        assertThat(page.getWebRequestor().getDebugHeaderInfo().getPageUsage().getCallCount())
                .isEqualTo(91);
        assertThat(page.getWebRequestor().getDebugHeaderInfo().getPageUsage().getTotalTime())
                .isEqualTo(20);
    }

    @Test
    void refusesAWrongOrMissingAppsecretProof() {
        DefaultFacebookClient forged = client(pageToken, "not-the-app-secret");
        DefaultFacebookClient unsigned = client(pageToken, null);

        assertThatThrownBy(() -> forged.fetchObject(pageId, JsonObject.class))
                .isInstanceOfSatisfying(FacebookGraphException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(100);
                    assertThat(e.getErrorMessage()).contains("Invalid appsecret_proof");
                });
        assertThatThrownBy(() -> unsigned.fetchObject(pageId, JsonObject.class))
                .isInstanceOfSatisfying(
                        FacebookGraphException.class,
                        e -> assertThat(e.getErrorMessage()).contains("require an appsecret_proof"));
    }

    @Test
    void recordsRequestsWithoutTokensOrProofs() {
        page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "recorded"));
        assertThatThrownBy(() -> client("EAAwrong", TestServers.APP_SECRET).fetchObject(pageId, JsonObject.class))
                .isInstanceOf(FacebookOAuthException.class);

        HttpResponse<String> recorded = get("/sandbox/requests?path=/" + pageId);
        JsonNode data = json(recorded).path("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("method").asString()).isEqualTo("POST");
        assertThat(data.get(0).path("path").asString()).isEqualTo("/v24.0/" + pageId + "/feed");
        assertThat(data.get(0).path("parameters").path("message").asString()).isEqualTo("recorded");
        assertThat(data.get(0).path("parameters").path("access_token").asString())
                .startsWith("sha256:");
        assertThat(data.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(data.get(1).path("status").asInt()).isEqualTo(400);
        assertThat(data.get(1).path("errorCode").asInt()).isEqualTo(190);
        assertThat(recorded.body())
                .doesNotContain(pageToken)
                .doesNotContain("EAAwrong")
                .doesNotContain(com.restfb.util.EncodingUtils.encodeAppSecretProof(TestServers.APP_SECRET, pageToken));

        assertThat(delete("/sandbox/requests").statusCode()).isEqualTo(204);
        assertThat(json(get("/sandbox/requests")).path("count").asInt()).isZero();
    }

    @Test
    void simulatedPeopleReachTheAppsWebhookSigned() {
        String postId = page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "Join us"))
                .getId();

        JsonNode comment = simulateComment(postId, "Ana Ruiz", "count me in for saturday!");
        JsonNode message = json(post(
                "/sandbox/simulate/message",
                "{\"pageId\":\"" + pageId + "\",\"psid\":\"PSID-9\",\"text\":\"what should I bring?\"}"));
        JsonNode postback = json(post(
                "/sandbox/simulate/postback",
                "{\"pageId\":\"" + pageId + "\",\"psid\":\"PSID-9\",\"payload\":\"SLOT_AM\",\"title\":\"Morning\"}"));
        JsonNode echo = json(post(
                "/sandbox/simulate/echo",
                "{\"pageId\":\"" + pageId + "\",\"psid\":\"PSID-9\",\"text\":\"Bring gloves\"}"));

        for (JsonNode delivery : List.of(comment, message, postback, echo)) {
            assertThat(delivery.path("status").asInt()).as(delivery.toString()).isEqualTo(200);
            assertThat(delivery.path("response").asString()).contains("\"queued\":1");
        }
        String commentId = comment.path("payload")
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value")
                .path("comment_id")
                .asString();
        List<InboundEvent> jobs = redis.sync().lrange(RedisNames.PREPROCESS_QUEUE, 0, -1).stream()
                .map(job -> Json.read(job, InboundEvent.class))
                .toList();
        assertThat(jobs).hasSize(4);
        assertThat(jobs).anySatisfy(job -> {
            assertThat(job.kind()).isEqualTo(EventKind.COMMENT);
            assertThat(job.externalId()).isEqualTo(commentId);
            assertThat(job.postId()).isEqualTo(postId);
            assertThat(job.authorName()).isEqualTo("Ana Ruiz");
            assertThat(job.text()).isEqualTo("count me in for saturday!");
        });
        assertThat(jobs).anySatisfy(job -> assertThat(job.kind()).isEqualTo(EventKind.POSTBACK));
        assertThat(jobs).filteredOn(job -> job.kind() == EventKind.MESSAGE).hasSize(2);
        assertThat(page.fetchConnection(postId + "/comments", Comment.class).getData())
                .extracting(Comment::getId)
                .containsExactly(commentId);
    }

    @Test
    void aSimulatedCommentCarryingANulCharacterReachesTheWebhookAsFacebookWouldSendIt() {
        // the API refuses U+0000 in request bodies; Facebook does not, and neither does its simulator
        String postId = page.publish(pageId + "/feed", FacebookType.class, Parameter.with("message", "Join us"))
                .getId();

        JsonNode comment = simulateComment(postId, "Bo\\u0000b", "count me in \\u0000 too");

        assertThat(comment.path("status").asInt()).as(comment.toString()).isEqualTo(200);
        assertThat(comment.path("response").asString()).contains("\"queued\":1");
        InboundEvent job = Json.read(redis.sync().lindex(RedisNames.PREPROCESS_QUEUE, 0), InboundEvent.class);
        assertThat(job.text()).as("dropped at intake, as the pipeline does").isEqualTo("count me in  too");
        assertThat(job.authorName()).isEqualTo("Bob");
    }

    private DefaultFacebookClient client(String token, String appSecret) {
        DefaultFacebookClient client = new DefaultFacebookClient(token, appSecret, Version.VERSION_24_0);
        client.setFacebookEndpointUrls(endpoints());
        return client;
    }

    private FacebookEndpoints endpoints() {
        String graph = root + "/sandbox/graph";
        return new FacebookEndpoints() {
            @Override
            public String getGraphEndpoint() {
                return graph;
            }
        };
    }

    private JsonNode simulateComment(String postId, String author, String text) {
        HttpResponse<String> response = post(
                "/sandbox/simulate/comment",
                "{\"pageId\":\"" + pageId + "\",\"postId\":\"" + postId + "\",\"authorName\":\"" + author
                        + "\",\"text\":\"" + text + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private String simulateCommentId(String postId, String author, String text) {
        return simulateComment(postId, author, text)
                .path("payload")
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value")
                .path("comment_id")
                .asString();
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET().build());
    }

    private HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).DELETE().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }
}
