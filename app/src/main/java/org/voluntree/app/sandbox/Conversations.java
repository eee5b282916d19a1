package org.voluntree.app.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Messenger's rules, as the Send API enforces them: a private reply once per comment and within 7
 * days of it; a standard message (RESPONSE, UPDATE) only within 24 hours of the person's last message
 * to the page; outside that, only an allowed message tag (HUMAN_AGENT within 7 days). Records every
 * message sent.
 */
final class Conversations {

    static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);
    static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);
    static final Set<String> MESSAGING_TYPES = Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG");
    static final Set<String> TAGS =
            Set.of("CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "ACCOUNT_UPDATE", "HUMAN_AGENT");

    /** A message the page sent. {@code message} is the Send API's message object as received. */
    record SentMessage(
            String messageId,
            String pageId,
            String recipientId,
            String commentId,
            String messagingType,
            String tag,
            Map<String, Object> message,
            Instant sentAt) {}

    /** A message (or the title of a button tapped) the person sent the page. */
    record ReceivedMessage(String messageId, String pageId, String psid, String text, Instant receivedAt) {}

    private final Clock clock;
    private final Map<String, Instant> lastInbound = new HashMap<>();
    private final List<ReceivedMessage> received = new ArrayList<>();
    private final Set<String> privatelyReplied = new HashSet<>();
    private final List<SentMessage> sent = new ArrayList<>();

    Conversations(Clock clock) {
        this.clock = clock;
    }

    /** The person wrote to the page (a message or a postback): the 24-hour window opens again. */
    synchronized void inbound(String pageId, String psid) {
        lastInbound.put(pageId + "/" + psid, clock.instant());
    }

    /** As above, keeping what they wrote for the conversation's history. */
    synchronized void inbound(String pageId, String psid, String messageId, String text) {
        Instant now = clock.instant();
        lastInbound.put(pageId + "/" + psid, now);
        received.add(new ReceivedMessage(messageId, pageId, psid, text, now));
    }

    synchronized List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    /** Facebook's {@code can_reply_privately}: not replied to yet, and young enough. */
    synchronized boolean canReplyPrivately(SandboxGraph.Comment comment) {
        return !privatelyReplied.contains(comment.id())
                && !clock.instant().isAfter(comment.createdAt().plus(PRIVATE_REPLY_WINDOW));
    }

    /** Sends the one private reply a comment allows. */
    synchronized SentMessage privateReply(String pageId, SandboxGraph.Comment comment, Map<String, Object> message) {
        Instant now = clock.instant();
        if (privatelyReplied.contains(comment.id())) {
            throw GraphApiException.alreadyReplied();
        }
        if (now.isAfter(comment.createdAt().plus(PRIVATE_REPLY_WINDOW))) {
            throw GraphApiException.outsideAllowedWindow();
        }
        privatelyReplied.add(comment.id());
        return record(pageId, comment.fromId(), comment.id(), null, null, message, now);
    }

    /** Sends to a PSID, within the window or with an allowed tag. */
    synchronized SentMessage send(
            String pageId, String psid, String messagingType, String tag, Map<String, Object> message) {
        Instant now = clock.instant();
        Instant last = lastInbound.get(pageId + "/" + psid);
        if (last == null) {
            throw GraphApiException.noMatchingUser();
        }
        Duration since = Duration.between(last, now);
        boolean allowed = switch (messagingType) {
            case "RESPONSE", "UPDATE" -> since.compareTo(STANDARD_WINDOW) <= 0;
            case "MESSAGE_TAG" -> !"HUMAN_AGENT".equals(tag) || since.compareTo(HUMAN_AGENT_WINDOW) <= 0;
            default ->
                throw GraphApiException.invalidParameter("Param messaging_type must be one of "
                        + "{RESPONSE, UPDATE, MESSAGE_TAG} - got \"" + messagingType + "\".");
        };
        if (!allowed) {
            throw GraphApiException.outsideAllowedWindow();
        }
        return record(pageId, psid, null, messagingType, tag, message, now);
    }

    synchronized List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    synchronized void clear() {
        lastInbound.clear();
        received.clear();
        privatelyReplied.clear();
        sent.clear();
    }

    private SentMessage record(
            String pageId,
            String recipientId,
            String commentId,
            String messagingType,
            String tag,
            Map<String, Object> message,
            Instant now) {
        SentMessage sentMessage = new SentMessage(
                "m_" + UUID.randomUUID().toString().replace("-", ""),
                pageId,
                recipientId,
                commentId,
                messagingType,
                tag,
                message,
                now);
        sent.add(sentMessage);
        return sentMessage;
    }
}
