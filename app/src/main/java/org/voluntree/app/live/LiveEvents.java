package org.voluntree.app.live;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Publishes a change on {@code org:{id}:events} so that every admin of the organisation sees it
 * without reloading: any role may publish, every web node relays ({@link OrganisationEventRelay}).
 * The events only say what changed; pages fetch the new state through the API, which checks
 * the caller's access as always.
 */
@Component
public class LiveEvents {

    /** An admin hid, unhid, deleted or dismissed a comment (or Facebook refused it). */
    public static final String MODERATION_CHANGED = "moderation.changed";
    /** A post moved on: publishing, published, failed. */
    public static final String POST_CHANGED = "post.changed";
    /** A conversation was taken over, handed back or answered by hand. */
    public static final String CONVERSATION_CHANGED = "conversation.changed";
    /** An automatic reply was sent or failed. */
    public static final String REPLY_CHANGED = "reply.changed";
    /** Volunteers were merged. */
    public static final String VOLUNTEER_CHANGED = "volunteer.changed";

    private final StatefulRedisConnection<String, byte[]> redis;

    LiveEvents(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    /**
     * Publishes {@code type} with these fields (ids and states, never message bodies or tokens).
     * Inside a transaction it goes out once the transaction commits, so that a page reloading on
     * the event reads the change. Fire and forget: a missed event costs an admin a refresh, never
     * data, and a page that reconnects reloads anyway.
     */
    public void publish(long organisationId, String type, Map<String, ?> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("organisationId", organisationId);
        event.putAll(fields);
        byte[] body = Json.write(event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(organisationId, body);
                }
            });
        } else {
            send(organisationId, body);
        }
    }

    private void send(long organisationId, byte[] body) {
        redis.async().publish(RedisNames.orgEvents(organisationId), body);
    }
}
