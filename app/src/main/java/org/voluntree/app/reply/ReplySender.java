package org.voluntree.app.reply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.GraphComment;
import org.voluntree.app.facebook.GraphMessage;
import org.voluntree.app.facebook.GraphRateLimitedException;
import org.voluntree.app.facebook.GraphRequestRejectedException;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.facebook.PageTokenInvalidException;
import org.voluntree.app.page.PageAlerts;
import org.voluntree.app.page.PageNotConnectedException;
import org.voluntree.app.page.PageProperties;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.workers.queue.RetryLater;

/**
 * Sends one reply exactly once, for comments and Messenger alike: it is claimed in {@code replies}
 * under its unique key (the comment or inbound message it answers, and its kind) before the
 * call, marked with the outcome after it. A retry that finds the reply sent, failed or skipped
 * does nothing; one that finds it still pending (the last attempt died around the call, or Facebook
 * never answered it: {@code GraphOutcomeUnknownException}) first asks Facebook whether the page
 * already replied: the comment's replies for a public reply, the Messenger conversation for a message
 * (a second private reply to a comment Facebook refuses by itself). A refused token parks the work until the page
 * is reconnected; a rate limit postpones it; neither counts as an attempt.
 */
@Component
@ConditionalOnRole(Role.WORKERS)
public class ReplySender {

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);
    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";
    /** Facebook's error code for a second private reply to the same comment ("Activity already replied to"). */
    private static final int ALREADY_REPLIED = 10900;

    private final ReplyRecords records;
    private final PageTokens pages;
    private final PageAlerts alerts;
    private final GraphApi graph;
    private final Duration parked;

    ReplySender(ReplyRecords records, PageTokens pages, PageAlerts alerts, GraphApi graph, PageProperties properties) {
        this.records = records;
        this.pages = pages;
        this.alerts = alerts;
        this.graph = graph;
        this.parked = properties.reconnectCheckEvery();
    }

    /**
     * Sends the reply of {@code kind} to the message unless it was already sent.
     *
     * @param send the Graph call, returning the id Facebook gave the reply
     * @return true when this call sent it
     */
    public boolean send(
            MessageToAnswer message, String kind, String intent, String text, Function<PageAccess, String> send) {
        String pageId = message.event().pageId();
        // the comment or message answered; a notice about it later has a target of its own
        String target = message.replyTarget();
        if (pages.needsReauthorisation(pageId)) {
            throw RetryLater.after(parked, "page " + pageId + " needs reauthorisation");
        }
        ReplyRecords.Claim claim =
                records.claim(message.organisationId(), message.messageId(), target, kind, intent, text);
        if (!claim.pending()) {
            log.debug("The {} reply to {} is already {}", kind, target, claim.status());
            return false;
        }
        PageAccess page;
        try {
            page = pages.access(pageId);
        } catch (PageNotConnectedException e) {
            records.markFailed(claim.id(), e.getMessage());
            return false;
        }
        try {
            // the check is a Graph call too: a rate limit or a refused token there parks the work like the send's
            if (!claim.fresh()
                    && PUBLIC.equals(kind)
                    && pageAlreadyReplied(
                            page, message.event().externalId(), message.event().createdAt())) {
                records.markSent(claim.id(), null);
                log.info("The public reply to a comment on page {} was sent by an earlier attempt", pageId);
                return false;
            }
            // a private reply to a comment needs no check: Facebook refuses a second one (10900, below)
            if (!claim.fresh()
                    && PRIVATE.equals(kind)
                    && message.event().kind() != EventKind.COMMENT
                    && pageAlreadySent(
                            page,
                            message.event().authorId(),
                            // a replayed dialog step may answer otherwise: what the first attempt sent counts
                            claim.text() == null ? text : claim.text(),
                            message.event().createdAt())) {
                records.markSent(claim.id(), null);
                log.info("A message to a person on page {} was sent by an earlier attempt", pageId);
                return false;
            }
            String facebookId = send.apply(page);
            records.markSent(claim.id(), facebookId);
            log.info("Sent the {} reply ({}) on page {}", kind, intent, pageId);
            return true;
        } catch (PageTokenInvalidException e) {
            alerts.tokenRefused(pageId, e.getMessage());
            throw RetryLater.after(parked, "page " + pageId + " needs reauthorisation");
        } catch (GraphRateLimitedException e) {
            throw RetryLater.after(e.retryAfter(), e.getMessage());
        } catch (GraphRequestRejectedException e) {
            if (PRIVATE.equals(kind) && Integer.valueOf(ALREADY_REPLIED).equals(e.code())) {
                records.markSent(claim.id(), null);
                return false;
            }
            records.markFailed(claim.id(), e.getMessage());
            log.warn("Facebook refused the {} reply on page {}: {}", kind, pageId, e.getMessage());
            return false;
        }
    }

    /**
     * Whether the page's conversation with the person holds this text from the page, sent since the message
     * it answers (Facebook's times are whole seconds).
     */
    private boolean pageAlreadySent(PageAccess page, String psid, String text, Instant answered) {
        Instant since = answered.truncatedTo(ChronoUnit.SECONDS);
        for (GraphMessage sent : graph.conversationWith(page, psid, 25)) {
            if (page.pageId().equals(sent.fromId())
                    && text.strip()
                            .equals(sent.text() == null ? null : sent.text().strip())
                    && sent.createdAt() != null
                    && !sent.createdAt().isBefore(since)) {
                return true;
            }
        }
        return false;
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
