package org.voluntree.app.moderation;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.GraphException;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.live.LiveEvents;
import org.voluntree.app.page.PageNotConnectedException;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * Carries out an admin's action on a comment with the page's token, and records it with its
 * outcome whether Facebook accepted it or not; a failure is then thrown on to the API's edge.
 */
@Service
@ConditionalOnRole(Role.WEB)
class Moderator {

    private static final Logger log = LoggerFactory.getLogger(Moderator.class);

    private final ModerationQueue queue;
    private final PageTokens pages;
    private final GraphApi graph;
    private final LiveEvents events;

    Moderator(ModerationQueue queue, PageTokens pages, GraphApi graph, LiveEvents events) {
        this.queue = queue;
        this.pages = pages;
        this.graph = graph;
        this.events = events;
    }

    void act(long organisationId, long adminId, QueuedComment comment, ModerationAction action) {
        try {
            if (action != ModerationAction.DISMISS) {
                PageAccess page = pages.access(comment.pageId());
                switch (action) {
                    case HIDE -> graph.setCommentHidden(page, comment.commentId(), true);
                    case UNHIDE -> graph.setCommentHidden(page, comment.commentId(), false);
                    case DELETE -> graph.deleteComment(page, comment.commentId());
                    default -> throw new IllegalStateException(action.name());
                }
            }
        } catch (GraphException | PageNotConnectedException e) {
            log.warn(
                    "Could not {} comment {} of page {}: {}",
                    action.value(),
                    comment.commentId(),
                    comment.pageId(),
                    e.getMessage());
            queue.record(organisationId, comment.messageId(), action, adminId, "failed", e.getMessage());
            changed(organisationId, comment, action, "failed");
            throw e;
        }
        queue.record(organisationId, comment.messageId(), action, adminId, "done", null);
        if (action == ModerationAction.DELETE) {
            queue.markRemoved(comment.messageId());
        }
        changed(organisationId, comment, action, "done");
        log.info(
                "Admin {} did {} on comment {} of page {}",
                adminId,
                action.value(),
                comment.commentId(),
                comment.pageId());
    }

    /** Every admin's moderation page redraws: the comment left the queue (or its failure shows). */
    private void changed(long organisationId, QueuedComment comment, ModerationAction action, String outcome) {
        events.publish(
                organisationId,
                LiveEvents.MODERATION_CHANGED,
                Map.of("messageId", comment.messageId(), "action", action.value(), "outcome", outcome));
    }
}
