package org.voluntree.app.live;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

/** Hands an event published on {@code org:<id>:events} to that organisation's sessions on this node. */
class OrganisationEventRelay implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(OrganisationEventRelay.class);

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
            sessions.send(Long.parseLong(parts[1]), new String(message.getBody(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            log.warn("Ignoring an event on channel {} without an organisation id", channel);
        }
    }
}
