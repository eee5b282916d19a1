package org.voluntree.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.testing.WebhookClient;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * The webhook against a real Redis, with only the web role running so that queued jobs stay in
 * {@code q:preprocess} where the test can count them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "voluntree.webhook.max-body-size=512KB")
@DirtiesContext
class WebhookIT {

    private static final String PAGE = "100000000000042";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    WebhookClient facebook;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        facebook = new WebhookClient(port, TestServers.APP_SECRET);
    }

    @Test
    void answersTheVerificationHandshakeOnlyWithTheRightToken() {
        HttpResponse<String> ok = facebook.get(
                "hub.mode=subscribe&hub.verify_token=" + TestServers.VERIFY_TOKEN + "&hub.challenge=1158201444");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");

        HttpResponse<String> wrong = facebook.get("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("verify_token");
    }

    @Test
    void queuesOneJobPerCommentOfASignedDelivery() {
        byte[] body = FacebookPayloads.comments(
                PAGE,
                List.of(
                        new Comment("777_1", "501", "Ana Ruiz", "count me in for saturday!"),
                        new Comment("777_2", "502", "Ben Ode", "what time does it start?")));

        HttpResponse<String> response = facebook.postSigned(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"queued\":2");
        List<InboundEvent> jobs = queuedJobs();
        assertThat(jobs).extracting(InboundEvent::externalId).containsExactlyInAnyOrder("777_1", "777_2");
        InboundEvent first = jobs.stream()
                .filter(j -> j.externalId().equals("777_1"))
                .findFirst()
                .orElseThrow();
        assertThat(first.kind()).isEqualTo(EventKind.COMMENT);
        assertThat(first.pageId()).isEqualTo(PAGE);
        assertThat(first.postId()).isEqualTo(PAGE + "_777");
        assertThat(first.authorId()).isEqualTo("501");
        assertThat(first.authorName()).isEqualTo("Ana Ruiz");
        assertThat(first.text()).isEqualTo("count me in for saturday!");
    }

    @Test
    void queuesMessengerMessages() {
        HttpResponse<String> response =
                facebook.postSigned(FacebookPayloads.message(PAGE, "PSID-9", "m_abc", "can I still sign up?"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(queuedJobs()).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(EventKind.MESSAGE);
            assertThat(job.externalId()).isEqualTo("m_abc");
            assertThat(job.authorId()).isEqualTo("PSID-9");
            assertThat(job.text()).isEqualTo("can I still sign up?");
        });
    }

    @Test
    void refusesAnUnsignedDeliveryAndQueuesNothing() {
        HttpResponse<String> response = facebook.post(comment(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("X-Hub-Signature-256");
        assertThat(queueLength()).isZero();
    }

    @Test
    void refusesADeliverySignedWithAnotherSecret() {
        byte[] body = comment();
        String forged = new WebhookSignatureVerifier("not-the-app-secret").headerFor(body);

        HttpResponse<String> response = facebook.post(body, forged);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("does not match");
        assertThat(queueLength()).isZero();
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        byte[] body = comment();
        String signature = new WebhookSignatureVerifier(TestServers.APP_SECRET).headerFor(body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("count me in", "COUNT ME IN")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(facebook.post(tampered, signature).statusCode()).isEqualTo(403);
        assertThat(queueLength()).isZero();
    }

    @Test
    void refusesMalformedBodiesWithTheReason() {
        HttpResponse<String> notJson = facebook.postSigned("{\"object\":\"page\",".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> notPage =
                facebook.postSigned("{\"object\":\"user\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> noEntries = facebook.postSigned("{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");
        assertThat(notPage.statusCode()).isEqualTo(400);
        assertThat(notPage.body()).contains("'object' must be 'page'");
        assertThat(noEntries.statusCode()).isEqualTo(400);
        assertThat(noEntries.body()).contains("'entry' must be an array");
        assertThat(queueLength()).isZero();
    }

    @Test
    void refusesAnOversizedBody() {
        List<Comment> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(new Comment("big_" + i, "6" + i, "Someone", "x".repeat(2000)));
        }

        HttpResponse<String> response = facebook.postSigned(FacebookPayloads.comments(PAGE, many));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(queueLength()).isZero();
    }

    @Test
    void dropsTheDuplicatesThatFacebookRetriesProduce() {
        byte[] body = comment();

        for (int i = 0; i < 3; i++) {
            assertThat(facebook.postSigned(body).statusCode()).isEqualTo(200);
        }

        assertThat(queueLength()).isEqualTo(1);
    }

    @Test
    void splitsABatchOfAThousandEntriesInOnePost() {
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            comments.add(new Comment("777_" + i, "7" + i, "Person " + i, "i can help on sunday #" + i));
        }

        HttpResponse<String> response = facebook.postSigned(FacebookPayloads.commentsAsEntries(PAGE, comments));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"queued\":1000");
        assertThat(queuedJobs())
                .extracting(InboundEvent::externalId)
                .doesNotHaveDuplicates()
                .hasSize(1000);
    }

    @Test
    void skipsChangesItDoesNotHandleAndQueuesTheRest() {
        String body = """
                {"object":"page","entry":[{"id":"%s","time":1764064801,"changes":[
                  {"field":"feed","value":{"item":"reaction","verb":"add","reaction_type":"like","from":{"id":"9"}}},
                  {"field":"feed","value":{"item":"comment","verb":"add","post_id":"%s_777"}},
                  {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"777_9","post_id":"%s_777",
                   "from":{"id":"9","name":"Cleo"},"message":"thank you all!","created_time":1764064800}}]}]}
                """.formatted(PAGE, PAGE, PAGE);

        HttpResponse<String> response = facebook.postSigned(body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"skipped\":2");
        assertThat(queuedJobs()).extracting(InboundEvent::externalId).containsExactly("777_9");
    }

    private static byte[] comment() {
        return FacebookPayloads.comments(PAGE, List.of(new Comment("777_1", "501", "Ana Ruiz", "count me in!")));
    }

    private long queueLength() {
        return redis.sync().llen(RedisNames.PREPROCESS_QUEUE);
    }

    private List<InboundEvent> queuedJobs() {
        return redis.sync().lrange(RedisNames.PREPROCESS_QUEUE, 0, -1).stream()
                .map(job -> Json.read(job, InboundEvent.class))
                .toList();
    }
}
