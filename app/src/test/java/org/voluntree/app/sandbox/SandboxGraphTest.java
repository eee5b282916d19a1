package org.voluntree.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.app.sandbox.SandboxGraph.CommentPage;
import org.voluntree.app.sandbox.SandboxGraph.CommentQuery;

class SandboxGraphTest {

    private final SandboxClock clock =
            new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    private final SandboxGraph graph = new SandboxGraph(clock);
    private String postId;

    @BeforeEach
    void fivePeopleComment() {
        graph.putPage("42", "Riverside");
        postId =
                graph.publish("42", "Volunteers wanted", null, null, true, null).id();
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            graph.comment(postId, null, "20" + i, "Person " + i, "comment " + i);
        }
    }

    @Test
    void aRestartedSandboxNeverReusesAnId() {
        clock.advance(Duration.ofSeconds(1));
        SandboxGraph restarted = new SandboxGraph(clock);
        restarted.putPage("42", "Riverside");
        String newPost = restarted
                .publish("42", "Volunteers wanted", null, null, true, null)
                .id();
        String newComment =
                restarted.comment(newPost, null, "201", "Person 1", "comment 1").id();

        assertThat(newPost).isNotEqualTo(postId);
        assertThat(graph.post(newPost)).isEmpty();
        assertThat(graph.comment(newComment)).isEmpty();
    }

    @Test
    void publishedPostsAreTheNewestFirstSinceATimeWithoutScheduledOnesOrOtherPages() {
        graph.putPage("43", "Elsewhere");
        graph.publish("43", "Another page's post", null, null, true, null);
        clock.advance(Duration.ofMinutes(1));
        Instant since = clock.instant();
        String second = graph.publish("42", "Second", null, null, true, null).id();
        clock.advance(Duration.ofMinutes(1));
        graph.publish(
                "42", "Later, scheduled", null, null, false, clock.instant().plus(Duration.ofHours(1)));
        String third = graph.publish("42", "Third", null, null, true, null).id();

        SandboxGraph.PostPage all = graph.publishedPosts("42", clock.instant(), null, 10, null);
        SandboxGraph.PostPage recent = graph.publishedPosts("42", clock.instant(), since, 1, null);
        SandboxGraph.PostPage older = graph.publishedPosts("42", clock.instant(), since, 1, third);

        assertThat(all.data())
                .extracting(SandboxGraph.Post::message)
                .containsExactly("Third", "Second", "Volunteers wanted");
        assertThat(recent.data()).extracting(SandboxGraph.Post::id).containsExactly(third);
        assertThat(recent.hasNext()).isTrue();
        assertThat(older.data()).extracting(SandboxGraph.Post::id).containsExactly(second);
        assertThat(older.hasNext()).isFalse();
        assertThat(graph.publishedPosts("42", clock.instant().plus(Duration.ofHours(2)), since, 10, null)
                        .data())
                .as("a scheduled post counts once its time has come")
                .hasSize(3);
    }

    @Test
    void pagesThroughCommentsWithCursors() {
        CommentPage first = graph.comments(postId, new CommentQuery(false, false, null, 2, null, null));
        CommentPage second = graph.comments(postId, new CommentQuery(false, false, null, 2, first.after(), null));
        CommentPage third = graph.comments(postId, new CommentQuery(false, false, null, 2, second.after(), null));

        assertThat(first.data()).extracting(SandboxGraph.Comment::message).containsExactly("comment 1", "comment 2");
        assertThat(first.hasNext()).isTrue();
        assertThat(second.data()).extracting(SandboxGraph.Comment::message).containsExactly("comment 3", "comment 4");
        assertThat(third.data()).extracting(SandboxGraph.Comment::message).containsExactly("comment 5");
        assertThat(third.hasNext()).isFalse();

        CommentPage back = graph.comments(postId, new CommentQuery(false, false, null, 2, null, second.before()));
        assertThat(back.data()).extracting(SandboxGraph.Comment::message).containsExactly("comment 1", "comment 2");
    }

    @Test
    void topLevelHidesRepliesThatStreamShows() {
        SandboxGraph.Comment first = graph.comments(postId, new CommentQuery(false, false, null, 1, null, null))
                .data()
                .get(0);
        graph.comment(postId, first.id(), "42", "Riverside", "Thank you!");

        assertThat(graph.comments(postId, new CommentQuery(false, false, null, 25, null, null))
                        .data())
                .hasSize(5);
        assertThat(graph.comments(postId, new CommentQuery(true, false, null, 25, null, null))
                        .data())
                .hasSize(6);
        assertThat(graph.comments(first.id(), new CommentQuery(false, false, null, 25, null, null))
                        .data())
                .extracting(SandboxGraph.Comment::message)
                .containsExactly("Thank you!");
    }

    @Test
    void filtersBySinceAndReverses() {
        CommentPage recent = graph.comments(
                postId, new CommentQuery(false, true, Instant.parse("2026-03-02T10:04:00Z"), 25, null, null));

        assertThat(recent.data()).extracting(SandboxGraph.Comment::message).containsExactly("comment 5", "comment 4");
    }

    @Test
    void refusesACursorItDidNotIssue() {
        assertThatThrownBy(() -> graph.comments(postId, new CommentQuery(false, false, null, 2, "bm9wZQ==", null)))
                .isInstanceOf(GraphApiException.class);
    }

    @Test
    void scheduledPostsBecomePublishedWhenDue() {
        SandboxGraph.Post scheduled =
                graph.publish("42", "Later", null, null, false, clock.instant().plus(Duration.ofHours(1)));

        assertThat(scheduled.publishedAt(clock.instant())).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(scheduled.publishedAt(clock.instant())).isTrue();
    }

    @Test
    void deletingACommentDeletesItsReplies() {
        SandboxGraph.Comment first = graph.comments(postId, new CommentQuery(false, false, null, 1, null, null))
                .data()
                .get(0);
        SandboxGraph.Comment reply = graph.comment(postId, first.id(), "42", "Riverside", "Thanks");

        assertThat(graph.deleteComment(first.id())).isTrue();
        assertThat(graph.comment(reply.id())).isEmpty();
        assertThat(graph.deleteComment(first.id())).isFalse();
    }
}
