package org.voluntree.app.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;

/**
 * A reply job the queue gave up on (dead-lettered after its retries): its replies do not stay
 * "pending" for good, and a replay of the job claims them again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OrganisationFixture.class)
@DirtiesContext
class ReplyRouterIT {

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
    ReplyRecords records;

    long organisationId;
    long messageId;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        organisationId = fixture.organisation("Harbour Cleanup", PAGE);
        messageId = jdbc.queryForObject(
                """
                insert into messages (organisation_id, page_id, external_id, kind, author_id, text, created_at, received_at)
                values (?, (select id from pages where facebook_page_id = ?), 'c-1', 'COMMENT', 'u-1', 'count me in', ?, ?)
                returning id
                """,
                Long.class,
                organisationId,
                PAGE,
                java.sql.Timestamp.from(Instant.now()),
                java.sql.Timestamp.from(Instant.now()));
    }

    @Test
    void theRepliesOfAJobGivenUpOnFailWithTheReasonAndAReplayClaimsThemAgain() {
        ReplyRecords.Claim claimed =
                records.claim(organisationId, messageId, "c-1", "public", "volunteer", "Thank you!");
        records.recordSkipped(organisationId, messageId, "c-1", "private", "volunteer", "the person opted out");
        byte[] job = ("{\"organisationId\":" + organisationId + ",\"messageId\":" + messageId + "}")
                .getBytes(StandardCharsets.UTF_8);

        new ReplyRouter(List.of(), records).gaveUp(job, "GraphException: connect timed out");

        assertThat(statuses())
                .containsExactly(
                        Map.entry(
                                "public",
                                "failed: gave up after its retries: GraphException: connect timed out;"
                                        + " model-tools dead replay tries again"),
                        Map.entry("private", "skipped: the person opted out"));
        // model-tools dead replay puts the job back: the reply is claimed again, as a retry (the sender
        // asks Facebook whether the page already answered before sending)
        ReplyRecords.Claim replayed =
                records.claim(organisationId, messageId, "c-1", "public", "volunteer", "Thank you!");
        assertThat(replayed.id()).isEqualTo(claimed.id());
        assertThat(replayed.pending()).isTrue();
        assertThat(replayed.fresh()).isFalse();
    }

    @Test
    void aReplyFacebookRefusedStaysFailedWhenTheSameCommentComesAgain() {
        ReplyRecords.Claim claimed =
                records.claim(organisationId, messageId, "c-1", "public", "volunteer", "Thank you!");
        records.markFailed(claimed.id(), "(#100) the comment was deleted");

        ReplyRecords.Claim again = records.claim(organisationId, messageId, "c-1", "public", "volunteer", "Thank you!");
        new ReplyRouter(List.of(), records).gaveUp("not json".getBytes(StandardCharsets.UTF_8), "whatever");

        assertThat(again.pending()).isFalse();
        assertThat(statuses()).containsExactly(Map.entry("public", "failed: (#100) the comment was deleted"));
    }

    private List<Map.Entry<String, String>> statuses() {
        return jdbc.query(
                "select kind, status, reason from replies where message_id = ? order by kind desc",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2) + ": " + rs.getString(3)),
                messageId);
    }
}
