package org.voluntree.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.voluntree.app.testing.AdminApi;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.SandboxClient;
import org.voluntree.app.testing.SandboxClient.SandboxPage;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.redis.RedisNames;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler reminds volunteers of their places in Messenger before the slot starts (here four days
 * before, so that a slot three days ahead is due), once, and only those who took the place before that.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "voluntree.facebook.sandbox.enabled=true",
            "voluntree.facebook.sandbox.calls-per-window=100000",
            "voluntree.gear.max-wait=20ms",
            "voluntree.writer.max-wait=20ms",
            "voluntree.conversation.reminder-before=4d",
            "voluntree.conversation.reminder-check-every=1s"
        })
@Import(OrganisationFixture.class)
@DirtiesContext
class PlaceRemindersIT {

    private static final Duration PIPELINE = Duration.ofSeconds(60);

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
    StatefulRedisConnection<String, byte[]> redis;

    SandboxClient sandbox;
    long organisationId;
    SandboxPage page;
    long slotId;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        organisationId = fixture.organisation("Riverside Food Bank");
        fixture.admin(organisationId, "ana@riverside.example", "correct horse battery", "owner");
        AdminApi api = new AdminApi(port, "ana@riverside.example", "correct horse battery");
        sandbox = new SandboxClient(port);
        page = sandbox.createPage("100000000000901", "Riverside Food Bank");
        api.connect(page);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode signup = api.signupWithOneSlot("Saturday food sort", "morning sort", start, 3, 3);
        slotId = signup.path("slots").get(0).path("id").asLong();
    }

    @Test
    void someoneWhoTookAPlaceBeforeTheReminderTimeIsRemindedOnceAndSomeoneWhoJustDidIsNot() {
        String early = "2000000000901";
        String late = "2000000000902";
        int earlyBefore = wroteToThePage(early);
        int lateBefore = wroteToThePage(late);

        // the late one first: the round that reminds the early one has looked at it too
        long latePlace = place(late, Instant.now());
        long earlyPlace = place(early, Instant.now().minus(2, ChronoUnit.DAYS));

        JsonNode reminder = sandbox.nthMessage(page.id(), early, earlyBefore + 1, PIPELINE);
        assertThat(SandboxClient.textOf(reminder))
                .startsWith("A reminder from us: you have a place for Saturday food sort, ")
                .contains("(morning sort)")
                .endsWith("See you there! If you can't make it, write \"cancel\" here.");
        assertThat(remindedAt(earlyPlace))
                .as("marked, so the next rounds leave it")
                .isNotNull();
        // taken within the four days: passed over by that round (and by every other)
        assertThat(remindedAt(latePlace)).isNull();
        assertThat(sandbox.messages(page.id(), late)).hasSize(lateBefore);
    }

    /** The person writes to the page in Messenger; answers how many messages the page had sent them once it is handled. */
    private int wroteToThePage(String psid) {
        sandbox.message(page.id(), psid, "what time do you open on saturdays?");
        await("the message stored")
                .atMost(PIPELINE)
                .until(() -> jdbc.queryForObject("select count(*) from messages where author_id = ?", Long.class, psid)
                        == 1);
        await("its reply job handled").atMost(PIPELINE).until(() -> {
            if (redis.sync().llen(RedisNames.REPLY_QUEUE) > 0) {
                return false;
            }
            for (String processing : redis.sync().keys(RedisNames.processingListPattern(RedisNames.REPLY_QUEUE))) {
                if (redis.sync().llen(processing) > 0) {
                    return false;
                }
            }
            return true;
        });
        return sandbox.messages(page.id(), psid).size();
    }

    /** Gives the person a place in the slot, taken at {@code confirmedAt}; answers the volunteer row. */
    private long place(String psid, Instant confirmedAt) {
        long volunteer = jdbc.queryForObject("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                values (?, ?, 'Maya Cruz', now())
                on conflict (organisation_id, facebook_user_id) do update set name = excluded.name
                returning id
                """, Long.class, organisationId, psid);
        jdbc.update(
                "insert into slot_assignments (slot_id, volunteer_id, confirmed_at) values (?, ?, ?)",
                slotId,
                volunteer,
                Timestamp.from(confirmedAt));
        return volunteer;
    }

    private Instant remindedAt(long volunteer) {
        Timestamp at = jdbc.queryForObject(
                "select reminded_at from slot_assignments where slot_id = ? and volunteer_id = ?",
                Timestamp.class,
                slotId,
                volunteer);
        return at == null ? null : at.toInstant();
    }
}
