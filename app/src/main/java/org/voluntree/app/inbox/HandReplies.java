package org.voluntree.app.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.conversation.HumanTakeover;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.GraphException;
import org.voluntree.app.facebook.GraphOutcomeUnknownException;
import org.voluntree.app.facebook.OutgoingMessage;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * Sends an admin's reply through Messenger: recorded first, then sent as a response inside the
 * 24-hour window or with the {@code HUMAN_AGENT} tag outside it, and the conversation is taken
 * over so the bot does not talk across the admin.
 */
@Service
@ConditionalOnRole(Role.WEB)
class HandReplies {

    static final String HUMAN_AGENT = "HUMAN_AGENT";

    private static final Logger log = LoggerFactory.getLogger(HandReplies.class);

    private final InboxQueries inbox;
    private final PageTokens pages;
    private final GraphApi graph;
    private final HumanTakeover takeover;

    HandReplies(InboxQueries inbox, PageTokens pages, GraphApi graph, HumanTakeover takeover) {
        this.inbox = inbox;
        this.pages = pages;
        this.graph = graph;
        this.takeover = takeover;
    }

    void send(long organisationId, long adminId, String pageId, String psid, String text) {
        String tag = takeover.windowOpen(pageId, psid) ? null : HUMAN_AGENT;
        takeover.takeOver(pageId, psid);
        long id = inbox.recordHandReply(organisationId, pageId, psid, adminId, text, tag);
        try {
            String messageId = graph.sendMessage(pages.access(pageId), psid, OutgoingMessage.text(text), tag);
            inbox.markSent(id, messageId);
        } catch (GraphOutcomeUnknownException e) {
            // not repeated: the admin decides, having seen the conversation
            String reason = "Facebook did not answer in time: the message may have reached the person;"
                    + " look at the conversation on Facebook before sending it again";
            log.warn("A reply by hand to a person on page {} got no answer from Facebook: {}", pageId, e.getMessage());
            inbox.markFailed(id, reason);
            throw new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, reason, e);
        } catch (GraphException e) {
            log.warn("A reply by hand to a person on page {} failed: {}", pageId, e.getMessage());
            inbox.markFailed(id, e.getMessage());
            throw e;
        }
    }
}
