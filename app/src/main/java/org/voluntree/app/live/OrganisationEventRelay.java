package org.voluntree.app.live;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.voluntree.contracts.event.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Hands an event published on {@code org:<id>:events} to that organisation's sessions on this node. */
class OrganisationEventRelay implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(OrganisationEventRelay.class);

    static final String RECIPIENTS = "recipientAdminIds";

    private final OrganisationSessions sessions;

    OrganisationEventRelay(OrganisationSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
        String[] parts = channel.split(":");
        if (parts.length != 3) {
            log.warn("Ignoring an event on unexpected channel {}", channel);
            return;
        }
        try {
            sessions.send(
                    Long.parseLong(parts[1]),
                    recipients(message.getBody()),
                    new String(message.getBody(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            log.warn("Ignoring an event on channel {} without an organisation id", channel);
        }
    }

    /**
     * The admins an event is meant for ({@code recipientAdminIds}, e.g. a chat session's members),
     * or null when it is for the whole organisation.
     */
    static Set<Long> recipients(byte[] body) {
        try {
            JsonNode recipients = Json.MAPPER.readTree(body).path(RECIPIENTS);
            if (!recipients.isArray()) {
                return null;
            }
            Set<Long> ids = new HashSet<>();
            recipients.forEach(id -> ids.add(id.asLong()));
            return ids;
        } catch (JacksonException e) {
            log.warn("Ignoring the recipients of an event that is not JSON: {}", e.getOriginalMessage());
            return null;
        }
    }
}
