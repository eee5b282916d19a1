package org.voluntree.app.reply;

import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Publishes {@link ReplyChanged} on the organisation's channel, for every web node to relay, when
 * the reply answered a Messenger message or postback: the Inbox is the page that shows replies.
 */
@Component
@ConditionalOnRole(Role.WORKERS)
class ReplyEvents {

    private final StatefulRedisConnection<String, byte[]> redis;

    ReplyEvents(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    void changed(MessageToAnswer message, String kind, String status) {
        EventKind answered = message.event().kind();
        if (answered != EventKind.MESSAGE && answered != EventKind.POSTBACK) {
            return;
        }
        redis.async().publish(RedisNames.orgEvents(message.organisationId()), Json.write(new ReplyChanged(
                ReplyChanged.TYPE, message.organisationId(), message.messageId(), answered.name(), kind, status)));
    }
}
