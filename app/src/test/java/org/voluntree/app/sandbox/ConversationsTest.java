package org.voluntree.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationsTest {

    private static final String PAGE = "100000000000001";

    private final SandboxClock clock =
            new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    private final SandboxGraph graph = new SandboxGraph(clock);
    private final Conversations conversations = new Conversations(clock);

    @Test
    void allowsExactlyOnePrivateReplyPerComment() {
        SandboxGraph.Comment comment = commentByMaya();

        Conversations.SentMessage first = conversations.privateReply(PAGE, comment, Map.of("text", "Thanks!"));

        assertThat(first.recipientId()).isEqualTo("2001");
        assertThat(first.commentId()).isEqualTo(comment.id());
        assertThat(conversations.canReplyPrivately(comment)).isFalse();
        assertThatThrownBy(() -> conversations.privateReply(PAGE, comment, Map.of("text", "Again")))
                .isInstanceOfSatisfying(
                        GraphApiException.class, e -> assertThat(e.code()).isEqualTo(10900));
        assertThat(conversations.sent()).hasSize(1);
    }

    @Test
    void allowsAPrivateReplyUntilSevenDaysAfterTheCommentAndNotLater() {
        SandboxGraph.Comment early = commentByMaya();
        SandboxGraph.Comment late = commentByMaya();

        clock.advance(Duration.ofDays(7));
        assertThat(conversations
                        .privateReply(PAGE, early, Map.of("text", "Just in time"))
                        .messageId())
                .startsWith("m_");

        clock.advance(Duration.ofSeconds(1));
        assertThat(conversations.canReplyPrivately(late)).isFalse();
        assertThatThrownBy(() -> conversations.privateReply(PAGE, late, Map.of("text", "Too late")))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(10);
                    assertThat(e.subcode()).isEqualTo(2018278);
                });
    }

    @Test
    void aPrivateReplyDoesNotOpenTheMessagingWindow() {
        conversations.privateReply(PAGE, commentByMaya(), Map.of("text", "Thanks!"));

        assertThatThrownBy(() -> conversations.send(PAGE, "2001", "RESPONSE", null, Map.of("text", "Hi")))
                .isInstanceOfSatisfying(
                        GraphApiException.class, e -> assertThat(e.subcode()).isEqualTo(2018001));
    }

    @Test
    void standardMessagesOnlyWithinTwentyFourHoursOfThePersonsLastMessage() {
        conversations.inbound(PAGE, "PSID-1");
        clock.advance(Duration.ofHours(24));
        assertThat(conversations.send(PAGE, "PSID-1", "RESPONSE", null, Map.of("text", "on time")))
                .isNotNull();

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> conversations.send(PAGE, "PSID-1", "UPDATE", null, Map.of("text", "late")))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(10);
                    assertThat(e.subcode()).isEqualTo(2018278);
                });
        assertThat(conversations.send(
                        PAGE,
                        "PSID-1",
                        "MESSAGE_TAG",
                        "CONFIRMED_EVENT_UPDATE",
                        Map.of("text", "Your shift is confirmed")))
                .isNotNull();

        conversations.inbound(PAGE, "PSID-1");
        assertThat(conversations.send(PAGE, "PSID-1", "RESPONSE", null, Map.of("text", "window open again")))
                .isNotNull();
    }

    @Test
    void humanAgentTagReachesSevenDaysButNoFurther() {
        conversations.inbound(PAGE, "PSID-2");
        clock.advance(Duration.ofDays(6));
        assertThat(conversations.send(PAGE, "PSID-2", "MESSAGE_TAG", "HUMAN_AGENT", Map.of("text", "x")))
                .isNotNull();

        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> conversations.send(PAGE, "PSID-2", "MESSAGE_TAG", "HUMAN_AGENT", Map.of("text", "y")))
                .isInstanceOf(GraphApiException.class);
    }

    @Test
    void windowsArePerPage() {
        conversations.inbound(PAGE, "PSID-3");

        assertThatThrownBy(() ->
                        conversations.send("100000000000002", "PSID-3", "RESPONSE", null, Map.of("text", "other page")))
                .isInstanceOf(GraphApiException.class);
    }

    private SandboxGraph.Comment commentByMaya() {
        graph.putPage(PAGE, "Riverside");
        SandboxGraph.Post post = graph.latestPost(PAGE)
                .orElseGet(() -> graph.publish(PAGE, "Volunteers wanted", null, null, true, null));
        return graph.comment(post.id(), null, "2001", "Maya Cruz", "Count me in!");
    }
}
