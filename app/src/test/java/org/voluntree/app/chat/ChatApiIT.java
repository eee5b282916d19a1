package org.voluntree.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
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
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;
import tools.jackson.databind.JsonNode;

/**
 * Chat sessions end to end: create, join, post, history; a message reaches every member's
 * WebSocket through the organisation's Redis channel and no one else's; old messages are purged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrganisationFixture.class)
@DirtiesContext
class ChatApiIT {

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
    ChatRetention retention;

    long orgA;
    long orgB;
    long ana;
    long ben;
    final List<AdminSession> browsers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        fixture.deleteAllOrganisations();
        orgA = fixture.organisation("A");
        orgB = fixture.organisation("B");
        ana = fixture.admin(orgA, "ana@a.example", "password-ana-123", "owner");
        ben = fixture.admin(orgA, "ben@a.example", "password-ben-123", "admin");
        fixture.admin(orgA, "cat@a.example", "password-cat-123", "admin");
        fixture.admin(orgB, "dan@b.example", "password-dan-123", "owner");
    }

    @AfterEach
    void tearDown() {
        browsers.forEach(AdminSession::close);
    }

    @Test
    void aPostedMessageReachesEveryMembersWebSocketThroughRedisAndNoOneElses() throws Exception {
        AdminSession anaBrowser = browser("ana@a.example", "password-ana-123");
        AdminSession benBrowser = browser("ben@a.example", "password-ben-123");
        AdminSession catBrowser = browser("cat@a.example", "password-cat-123");
        AdminSession danBrowser = browser("dan@b.example", "password-dan-123");
        List<String> published = new CopyOnWriteArrayList<>();
        StatefulRedisPubSubConnection<String, String> subscriber =
                TestRedis.client().connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                published.add(message);
            }
        });
        subscriber.sync().subscribe(RedisNames.orgEvents(orgA));
        ApiClient anaApi = ApiClient.logIn(port, "ana@a.example", "password-ana-123");
        ApiClient benApi = ApiClient.logIn(port, "ben@a.example", "password-ben-123");

        JsonNode session = ApiClient.json(anaApi.post("/api/chat/sessions", "{\"title\":\"Saturday shift\"}"));
        long id = session.path("id").asLong();
        assertThat(session.path("members").size()).isEqualTo(1);
        JsonNode joined = ApiClient.json(benApi.post("/api/chat/sessions/" + id + "/join", null));
        assertThat(joined.path("members").findValuesAsString("email"))
                .containsExactly("ana@a.example", "ben@a.example");
        assertThat(anaApi.post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"Who brings the van?\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(benApi.post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"I do\"}")
                        .statusCode())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> anaBrowser.received().size() >= 2
                        && benBrowser.received().size() >= 2);
        assertThat(anaBrowser.received())
                .anySatisfy(
                        e -> assertThat(e).contains("\"type\":\"chat.message\"").contains("Who brings the van?"));
        assertThat(benBrowser.received()).anySatisfy(e -> assertThat(e).contains("I do"));
        assertThat(published)
                .as("delivered through Redis, so every web node can deliver it")
                .hasSize(2);
        // an organisation-wide event published after the chat proves the other sockets were listening all along
        try (var redis = TestRedis.client().connect()) {
            redis.sync().publish(RedisNames.orgEvents(orgA), "{\"type\":\"test.marker\"}");
            redis.sync().publish(RedisNames.orgEvents(orgB), "{\"type\":\"test.marker\"}");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !catBrowser.received().isEmpty()
                        && !danBrowser.received().isEmpty());
        assertThat(catBrowser.received())
                .as("a non-member of the same organisation")
                .containsExactly("{\"type\":\"test.marker\"}");
        assertThat(danBrowser.received()).as("another organisation").containsExactly("{\"type\":\"test.marker\"}");

        JsonNode history = ApiClient.json(ApiClient.logIn(port, "cat@a.example", "password-cat-123")
                .get("/api/chat/sessions/" + id + "/messages"));
        assertThat(history.findValuesAsString("text")).containsExactly("Who brings the van?", "I do");
        assertThat(ApiClient.json(benApi.get("/api/chat/sessions")).findValuesAsString("title"))
                .containsExactly("Saturday shift");
        subscriber.close();
    }

    @Test
    void aNonMemberMustJoinBeforePosting() {
        ApiClient anaApi = ApiClient.logIn(port, "ana@a.example", "password-ana-123");
        ApiClient catApi = ApiClient.logIn(port, "cat@a.example", "password-cat-123");
        long id = ApiClient.json(anaApi.post("/api/chat/sessions", "{\"title\":\"t\"}"))
                .path("id")
                .asLong();

        assertThat(catApi.post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"hi\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(catApi.post("/api/chat/sessions/" + id + "/join", null).statusCode())
                .isEqualTo(200);
        assertThat(catApi.post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"hi\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void theCleanerDeletesOnlyMessagesOlderThanTheRetention() {
        ApiClient anaApi = ApiClient.logIn(port, "ana@a.example", "password-ana-123");
        long id = ApiClient.json(anaApi.post("/api/chat/sessions", "{\"title\":\"t\"}"))
                .path("id")
                .asLong();
        anaApi.post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"old\"}");
        anaApi.post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"new\"}");
        jdbc.update("update chat_messages set created_at = now() - interval '31 days' where text = 'old'");

        assertThat(retention.purgeOlderThan(Duration.ofDays(30))).isEqualTo(1);

        assertThat(jdbc.queryForList("select text from chat_messages", String.class))
                .containsExactly("new");
        assertThat(retention.purgeOlderThan(Duration.ofDays(30))).isZero();
    }

    private AdminSession browser(String email, String password) throws Exception {
        AdminSession browser = new AdminSession(port);
        browsers.add(browser);
        assertThat(browser.logIn(email, password)).isEqualTo(302);
        browser.connect();
        return browser;
    }
}
