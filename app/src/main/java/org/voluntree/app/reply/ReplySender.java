package org.voluntree.app.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.GraphComment;
import org.voluntree.app.facebook.GraphRateLimitedException;
import org.voluntree.app.facebook.GraphRequestRejectedException;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.facebook.PageTokenInvalidException;
import org.voluntree.app.page.PageAlerts;
import org.voluntree.app.page.PageNotConnectedException;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.workers.queue.RetryLater;

/**
 * Sends one reply exactly once: it is claimed in {@code replies} under its unique key before the
 * call, marked with the outcome after it. A retry that finds the reply sent, failed or skipped
 * does nothing; one that finds it still pending (the last attempt died around the call) first
 * asks Facebook whether the page already replied. A refused token parks the work until the page
 * is reconnected; a rate limit postpones it; neither counts as an attempt.
 */
@Component
@ConditionalOnRole(Role.WORKERS)
class ReplySender {

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    static final String PUBLIC = "public";
    static final String PRIVATE = "private";
    /** Facebook's error code for a second private reply to the same comment ("Activity already replied to"). */
    private static final int ALREADY_REPLIED = 10900;
    private static final Duration PARKED = Duration.ofMinutes(1);

    private final ReplyRecords records;
    private final PageTokens pages;
    private final PageAlerts alerts;
    private final GraphApi graph;

    ReplySender(ReplyRecords records, PageTokens pages, PageAlerts alerts, GraphApi graph) {
        this.records = records;
        this.pages = pages;
        this.alerts = alerts;
        this.graph = graph;
    }

    /**
     * Sends a reply to a comment unless it was already sent.
     *
     * @param send the Graph call, returning the id Facebook gave the reply
     */
    void send(MessageToAnswer message, String kind, String intent, String text, Function<PageAccess, String> send) {
        String pageId = message.event().pageId();
        String commentId = message.event().externalId();
        if (pages.needsReauthorisation(pageId)) {
            throw RetryLater.after(PARKED, "page " + pageId + " needs reauthorisation");
        }
        ReplyRecords.Claim claim = records.claim(message.organisationId(), message.messageId(), commentId, kind, intent,
                text);
        if (!claim.pending()) {
            log.debug("The {} reply to comment {} is already {}", kind, commentId, claim.status());
            return;
        }
        PageAccess page;
        try {
            page = pages.access(pageId);
        } catch (PageNotConnectedException e) {
            records.markFailed(claim.id(), e.getMessage());
            return;
        }
        if (!claim.fresh() && PUBLIC.equals(kind) && pageAlreadyReplied(page, commentId, message.event().createdAt())) {
            records.markSent(claim.id(), null);
            log.info("The public reply to a comment on page {} was sent by an earlier attempt", pageId);
            return;
        }
        try {
            String facebookId = send.apply(page);
            records.markSent(claim.id(), facebookId);
            log.info("Sent the {} reply ({}) to a comment on page {}", kind, intent, pageId);
        } catch (PageTokenInvalidException e) {
            alerts.tokenRefused(pageId, e.getMessage());
            throw RetryLater.after(PARKED, "page " + pageId + " needs reauthorisation");
        } catch (GraphRateLimitedException e) {
            throw RetryLater.after(e.retryAfter(), e.getMessage());
        } catch (GraphRequestRejectedException e) {
            if (PRIVATE.equals(kind) && Integer.valueOf(ALREADY_REPLIED).equals(e.code())) {
                records.markSent(claim.id(), null);
                return;
            }
            records.markFailed(claim.id(), e.getMessage());
            log.warn("Facebook refused the {} reply to a comment on page {}: {}", kind, pageId, e.getMessage());
        }
    }

    private boolean pageAlreadyReplied(PageAccess page, String commentId, Instant commentCreated) {
        for (GraphComment reply : graph.commentsSince(page, commentId, commentCreated.minusSeconds(60), 100)) {
            if (page.pageId().equals(reply.fromId())) {
                return true;
            }
        }
        return false;
    }
}
