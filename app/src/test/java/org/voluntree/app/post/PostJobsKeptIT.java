package org.voluntree.app.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.messages.RecentMessages;
import org.voluntree.app.outbox.JobOutbox;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.StoppedRedis;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * A post's {@code q:publish} job is kept with the state that waits for it, against real PostgreSQL and a real
 * Redis (and one that is stopped first): a post asked to be published, or whose time came, is never left in
 * {@code publishing} without its job, also when Redis does not take it at that moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OrganisationFixture.class)
@DirtiesContext
class PostJobsKeptIT {

    private static final String PAGE = "100000000000091";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "scheduler");
        // the test pushes the kept jobs, and looks for due posts, itself
        registry.add("voluntree.conversation.outbox-relay-every", () -> "1h");
        registry.add("voluntree.posts.due-check-every", () -> "1h");
    }

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PostStore posts;

    @Autowired
    RecentMessages messages;

    @Autowired
    JobOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    long organisationId;
    AdminAccount admin;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        organisationId = fixture.organisation("Harbour Cleanup", PAGE);
        long adminId = fixture.admin(organisationId, "ana@harbour.example", "correct horse", "owner");
        admin = new AdminAccount(adminId, organisationId, "ana@harbour.example", "unused", "owner");
        jdbc.update("truncate job_outbox");
        TestRedis.flush();
    }

    @Test
    void aPostAskedToBePublishedIsQueuedOnceItsStateIsSaved() {
        long post = draft();

        assertThat(new PostController(posts, messages, outbox, transaction).publish(admin, post))
                .containsEntry("state", "publishing");

        assertThat(queued()).containsExactly(Long.toString(post));
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void aPostAskedToBePublishedWhileRedisIsGoneIsQueuedOnceItIsBack() throws IOException {
        long post = draft();

        withRedisGone(gone -> assertThat(new PostController(posts, messages, gone, transaction).publish(admin, post))
                .containsEntry("state", "publishing"));

        assertThat(posts.find(organisationId, post).orElseThrow().state()).isEqualTo("publishing");
        assertThat(outbox.waiting()).isEqualTo(1);
        assertThat(queued()).isEmpty();

        assertThat(outbox.relay()).isEqualTo(1);

        assertThat(queued()).containsExactly(Long.toString(post));
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void aPostThatCannotBePublishedNowKeepsNoJob() {
        long post = draft();
        jdbc.update("update posts set state = 'published' where id = ?", post);

        assertThatThrownBy(() -> new PostController(posts, messages, outbox, transaction).publish(admin, post))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("only drafts and failed posts can be published");

        assertThat(outbox.waiting()).isZero();
        assertThat(queued()).isEmpty();
    }

    @Test
    void aPostWhoseTimeCameWhileRedisIsGoneIsQueuedOnceItIsBack() throws IOException {
        long post = draft();
        jdbc.update(
                "update posts set state = 'scheduled', scheduled_at = now() - interval '1 minute' where id = ?", post);

        withRedisGone(gone -> new PublishRoles.DuePosts(posts, gone, transaction).enqueueDue());

        assertThat(posts.find(organisationId, post).orElseThrow().state()).isEqualTo("publishing");
        assertThat(outbox.waiting()).isEqualTo(1);

        assertThat(outbox.relay()).isEqualTo(1);

        assertThat(queued()).containsExactly(Long.toString(post));
    }

    private long draft() {
        return posts.create(
                organisationId, new PostRequest(PAGE, null, "Help us clean the harbour!", false, null, null));
    }

    /** The jobs in {@code q:publish}. */
    private List<String> queued() {
        try (StatefulRedisConnection<String, byte[]> redis = TestRedis.client().connect(RedisCodecs.STRING_BYTES)) {
            return redis.sync().lrange(RedisNames.PUBLISH_QUEUE, 0, -1).stream()
                    .map(job -> new String(job, StandardCharsets.UTF_8))
                    .toList();
        }
    }

    /** Runs the body with an outbox whose Redis has stopped (a real server, stopped before the body runs). */
    private void withRedisGone(Consumer<JobOutbox> body) throws IOException {
        StoppedRedis.with(redis -> body.accept(new JobOutbox(jdbc, transaction, redis)));
    }
}
