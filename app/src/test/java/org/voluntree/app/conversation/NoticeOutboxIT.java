package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
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
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.outbox.JobOutbox;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.signup.PlaceChanged;
import org.voluntree.app.signup.SignupRequest;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.StoppedRedis;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * Messenger notices are kept with the change they tell of, against real PostgreSQL and a real Redis (and one
 * that is stopped first): once the change commits they reach {@code q:reply} at once; when Redis does not take
 * them they wait in {@code job_outbox} and reach it once Redis is back; a change rolled back has none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OrganisationFixture.class)
@DirtiesContext
class NoticeOutboxIT {

    private static final String PAGE = "100000000000078";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "scheduler");
        // the test pushes the kept notices itself
        registry.add("voluntree.conversation.outbox-relay-every", () -> "1h");
    }

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignupStore signups;

    @Autowired
    Announcements announcements;

    @Autowired
    JobOutbox outbox;

    @Autowired
    PlaceNotices notices;

    @Autowired
    TransactionTemplate transaction;

    long organisationId;
    long signupId;
    long slotId;
    long maya;
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
        maya = signups.volunteer(organisationId, "9001", "Maya Cruz");
        slotId = signups.allSlots(signupId).get(0).id();
        jdbc.update("insert into slot_assignments (slot_id, volunteer_id) values (?, ?)", slotId, maya);
        jdbc.update("truncate job_outbox");
        TestRedis.flush();
    }

    @Test
    void theNoticeOfACommittedChangeIsQueuedAtOnceAndNotKept() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from slot_assignments where slot_id = ? and volunteer_id = ?", slotId, maya);
            notices.placeTakenBack(new PlaceChanged.PlaceTakenBack(organisationId, slotId, maya));
            // kept with the change until it commits
            assertThat(outbox.waiting()).isEqualTo(1);
            assertThat(queuedNotices()).isEmpty();
        });

        assertThat(queuedNotices()).singleElement().satisfies(answer -> {
            assertThat(answer.notice()).startsWith("place_taken_back|" + slotId + "|");
            assertThat(answer.event().authorId()).isEqualTo("9001");
        });
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void everyNoticeKeptInOneTransactionIsQueuedOnceItCommits() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        transaction.executeWithoutResult(status -> {
            notices.remind(organisationId, maya, slotId, start, start.plus(Duration.ofHours(3)));
            notices.remind(organisationId, maya, slotId + 1, start, start.plus(Duration.ofHours(3)));
            assertThat(outbox.waiting()).isEqualTo(2);
        });

        assertThat(queuedNotices())
                .extracting(MessageToAnswer::notice)
                .containsExactlyInAnyOrder(
                        "slot_reminder|" + slotId + "|" + start.getEpochSecond() + "|"
                                + start.plus(Duration.ofHours(3)).getEpochSecond(),
                        "slot_reminder|" + (slotId + 1) + "|" + start.getEpochSecond() + "|"
                                + start.plus(Duration.ofHours(3)).getEpochSecond());
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void aChangeRolledBackTellsNobody() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from slot_assignments where slot_id = ? and volunteer_id = ?", slotId, maya);
            notices.placeTakenBack(new PlaceChanged.PlaceTakenBack(organisationId, slotId, maya));
            status.setRollbackOnly();
        });

        assertThat(outbox.waiting()).isZero();
        assertThat(queuedNotices()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from slot_assignments where slot_id = ?", Long.class, slotId))
                .isEqualTo(1);
    }

    @Test
    void aNoticeOutsideTheTransactionOfItsChangeIsRefused() {
        assertThatThrownBy(() -> notices.placeTakenBack(new PlaceChanged.PlaceTakenBack(organisationId, slotId, maya)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");

        assertThat(outbox.waiting()).isZero();
        assertThat(queuedNotices()).isEmpty();
    }

    @Test
    void anAnnouncementAcceptedWhileRedisIsGoneIsSentOnceItIsBack() throws IOException {
        withRedisGone(doomed -> {
            AnnouncementController controller = new AnnouncementController(announcements, doomed, signups, transaction);

            Announcements.Announcement sent = controller.announce(
                    admin, signupId, new AnnouncementController.AnnouncementRequest("Parking moved"));

            assertThat(sent.reached()).isEqualTo(1);
            assertThat(sent.holders()).isEqualTo(1);
        });
        assertThat(announcements.ofSignup(organisationId, signupId))
                .singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Parking moved"));
        assertThat(outbox.waiting()).isEqualTo(1);
        assertThat(queuedNotices()).isEmpty();

        assertThat(outbox.relay()).isEqualTo(1);

        assertThat(outbox.waiting()).isZero();
        long id = announcements.ofSignup(organisationId, signupId).get(0).id();
        assertThat(queuedNotices()).singleElement().satisfies(answer -> {
            assertThat(answer.notice()).isEqualTo("signup_announcement|" + id);
            assertThat(answer.event().authorId()).isEqualTo("9001");
        });
    }

    @Test
    void theNoticeOfACommittedChangeWaitsInPostgresqlAndIsQueuedOnceRedisIsBack() throws IOException {
        // the admin gives Maya's place up; Redis is gone when the change commits
        withRedisGone(doomed -> transaction.executeWithoutResult(status -> {
            jdbc.update("delete from slot_assignments where slot_id = ? and volunteer_id = ?", slotId, maya);
            doomed.placeTakenBack(new PlaceChanged.PlaceTakenBack(organisationId, slotId, maya));
        }));

        assertThat(outbox.waiting()).isEqualTo(1);
        assertThat(queuedNotices()).isEmpty();

        assertThat(outbox.relay()).isEqualTo(1);

        assertThat(outbox.waiting()).isZero();
        assertThat(queuedNotices()).singleElement().satisfies(answer -> {
            assertThat(answer.notice()).startsWith("place_taken_back|" + slotId + "|");
            assertThat(answer.event().authorId()).isEqualTo("9001");
        });
        // pushed once: a second round finds nothing
        assertThat(outbox.relay()).isZero();
    }

    /** The jobs in {@code q:reply}. */
    private List<MessageToAnswer> queuedNotices() {
        try (StatefulRedisConnection<String, byte[]> redis = TestRedis.client().connect(RedisCodecs.STRING_BYTES)) {
            return redis.sync().lrange(RedisNames.REPLY_QUEUE, 0, -1).stream()
                    .map(job -> Json.read(job, MessageToAnswer.class))
                    .toList();
        }
    }

    /** Runs the body with notices whose Redis has stopped (a real server, stopped before the body runs). */
    private void withRedisGone(Consumer<PlaceNotices> body) throws IOException {
        StoppedRedis.with(redis -> body.accept(new PlaceNotices(jdbc, new JobOutbox(jdbc, transaction, redis))));
    }
}
