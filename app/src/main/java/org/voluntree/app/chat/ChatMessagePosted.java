package org.voluntree.app.chat;

import java.util.List;

/**
 * The event published on {@code org:{id}:events} when someone posts in a chat session. The web
 * nodes deliver it only to the sessions of the admins named in {@code recipientAdminIds}.
 */
record ChatMessagePosted(
        String type, long organisationId, long sessionId, ChatSessions.Message message, List<Long> recipientAdminIds) {

    static final String TYPE = "chat.message";
}
