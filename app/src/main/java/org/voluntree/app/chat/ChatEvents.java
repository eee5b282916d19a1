package org.voluntree.app.chat;

import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Publishes chat messages on the organisation's channel; every web node relays them to the
 * members' WebSocket sessions it holds ({@code live/OrganisationEventRelay}).
 */
@Component
class ChatEvents {

    private final StatefulRedisConnection<String, byte[]> redis;

    ChatEvents(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    void posted(long organisationId, ChatSessions.Session session, ChatSessions.Message message) {
        ChatMessagePosted event = new ChatMessagePosted(
                ChatMessagePosted.TYPE,
                organisationId,
                session.id(),
                message,
                session.members().stream().map(ChatSessions.Member::adminId).toList());
        redis.sync().publish(RedisNames.orgEvents(organisationId), Json.write(event));
    }
}
