package org.voluntree.app.reconcile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.GraphComment;
import org.voluntree.app.facebook.GraphException;
import org.voluntree.app.facebook.GraphRequestRejectedException;
import org.voluntree.app.facebook.PageTokenInvalidException;
import org.voluntree.app.page.PageAlerts;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.app.webhook.WebhookIntake;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;

/**
 * Every {@code voluntree.facebook.reconcile-every}, reads the comments of posts published within
 * {@code reconcile-window} and queues those not in {@code messages} yet, with the webhook's own
 * event key, so the webhook's de-duplication drops whichever path comes second.
 */
@Component
@ConditionalOnRole(Role.SCHEDULER)
class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final int MAX_COMMENTS_PER_POST = 500;

    /** A published post to read. */
    record ActivePost(String pageId, String postId, Instant publishedAt) {}

    private final JdbcTemplate jdbc;
    private final GraphApi graph;
    private final PageTokens pages;
    private final PageAlerts alerts;
    private final WebhookIntake intake;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();

    Reconciliation(
            JdbcTemplate jdbc,
            GraphApi graph,
            PageTokens pages,
            PageAlerts alerts,
            WebhookIntake intake,
            @Value("${voluntree.facebook.reconcile-window:14d}") Duration window) {
        this.jdbc = jdbc;
        this.graph = graph;
        this.pages = pages;
        this.alerts = alerts;
        this.intake = intake;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${voluntree.facebook.reconcile-every:5m}", initialDelayString = "PT1M")
    void reconcileAll() {
        int queued = 0;
        for (ActivePost post : activePosts()) {
            queued += reconcile(post);
        }
        if (queued > 0) {
            log.warn("Reconciliation found {} comments the webhook did not deliver and queued them", queued);
        }
    }

    List<ActivePost> activePosts() {
        return jdbc.query(
                """
                select g.facebook_page_id, p.facebook_post_id, p.published_at
                  from posts p join pages g on g.id = p.page_id
                 where p.state = 'published' and p.facebook_post_id is not null and p.published_at > ?
                   and g.token_status = 'valid'
                """,
                (rs, n) -> new ActivePost(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                Timestamp.from(clock.instant().minus(window)));
    }

    /** Queues the unseen comments of one post; returns how many. */
    int reconcile(ActivePost post) {
        List<GraphComment> comments;
        try {
            comments = graph.commentsSince(
                    pages.access(post.pageId()), post.postId(), post.publishedAt(), MAX_COMMENTS_PER_POST);
        } catch (PageTokenInvalidException e) {
            alerts.tokenRefused(post.pageId(), e.getMessage());
            return 0;
        } catch (GraphRequestRejectedException e) {
            if (e.objectGone()) {
                // deleted on the page: nothing more to read, now or every few minutes from here on
                jdbc.update("""
                        update posts set state = 'removed', failure = 'Facebook no longer has this post', updated_at = now()
                         where facebook_post_id = ? and state = 'published'
                        """, post.postId());
                log.info("Post {} is gone from Facebook: marked removed, no longer reconciled", post.postId());
            } else {
                log.warn("Could not read the comments of post {}: {}", post.postId(), e.getMessage());
            }
            return 0;
        } catch (GraphException e) {
            log.warn("Could not read the comments of post {}: {}", post.postId(), e.getMessage());
            return 0;
        }
        Set<String> known = known(comments);
        Instant now = clock.instant();
        List<InboundEvent> missed = new ArrayList<>();
        for (GraphComment c : comments) {
            if (c.id() == null || known.contains(c.id()) || post.pageId().equals(c.fromId())) {
                continue;
            }
            missed.add(new InboundEvent(
                    "c:" + c.id() + ":add",
                    EventKind.COMMENT,
                    post.pageId(),
                    c.id(),
                    post.postId(),
                    c.parentId() == null || c.parentId().equals(post.postId()) ? null : c.parentId(),
                    "add",
                    c.fromId(),
                    c.fromName(),
                    c.message(),
                    null,
                    c.createdAt() == null ? now : c.createdAt(),
                    now));
        }
        return missed.isEmpty() ? 0 : intake.enqueue(missed);
    }

    private Set<String> known(List<GraphComment> comments) {
        if (comments.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.queryForList("select external_id from messages where external_id = any(?)", String.class, (Object)
                        comments.stream().map(GraphComment::id).toArray(String[]::new)));
    }
}
