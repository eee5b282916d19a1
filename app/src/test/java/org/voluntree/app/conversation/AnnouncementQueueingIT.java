package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.signup.SignupRequest;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisCodecs;

/**
 * An admin's message to a signup's volunteers when Redis does not take its jobs: the admin is told
 * nobody got it, and nothing says it was sent. Against real PostgreSQL and a real Redis that is stopped
 * before the message is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OrganisationFixture.class)
@DirtiesContext
class AnnouncementQueueingIT {

    private static final String PAGE = "100000000000078";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "scheduler");
    }

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignupStore signups;

    @Autowired
    Announcements announcements;

    long organisationId;
    long signupId;
    AdminAccount admin;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        organisationId = fixture.organisation("Harbour Cleanup", PAGE);
        long adminId = fixture.admin(organisationId, "ana@harbour.example", "correct horse", "owner");
        admin = new AdminAccount(adminId, organisationId, "ana@harbour.example", "unused", "owner");
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        signupId = signups.create(
                organisationId,
                new SignupRequest(
                        "Beach clean",
                        null,
                        null,
                        null,
                        List.of(new SignupRequest.SlotRequest(null, start, start.plus(Duration.ofHours(3)), null, 3)),
                        null));
        // Maya wrote to the page in Messenger and holds a place: a job would be queued for her
        jdbc.update("""
                insert into messages (organisation_id, page_id, external_id, kind, author_id, text, created_at,
                                      received_at)
                select ?, id, 'm_1', 'MESSAGE', '9001', 'hi', now(), now() from pages where facebook_page_id = ?
                """, organisationId, PAGE);
        long maya = signups.volunteer(organisationId, "9001", "Maya Cruz");
        jdbc.update(
                "insert into slot_assignments (slot_id, volunteer_id) values (?, ?)",
                signups.allSlots(signupId).get(0).id(),
                maya);
    }

    @Test
    void whenRedisDoesNotTakeTheJobsTheAdminIsToldNobodyGotItAndNothingSaysItWasSent() throws Exception {
        Path data = Files.createTempDirectory("voluntree-redis-gone");
        LocalRedisServer doomed = LocalRedisServer.start(0, data, false);
        RedisClient client = RedisClient.create(doomed.uri());
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try (StatefulRedisConnection<String, byte[]> redis = client.connect(RedisCodecs.STRING_BYTES)) {
            redis.setTimeout(Duration.ofSeconds(2));
            doomed.close();
            AnnouncementController controller =
                    new AnnouncementController(announcements, new PlaceNotices(jdbc, redis), signups);

            assertThatThrownBy(() -> controller.announce(
                            admin, signupId, new AnnouncementController.AnnouncementRequest("Parking moved")))
                    .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.getReason()).contains("nobody got it");
                    });
        } finally {
            client.shutdown();
        }
        assertThat(announcements.ofSignup(organisationId, signupId)).isEmpty();
    }
}
