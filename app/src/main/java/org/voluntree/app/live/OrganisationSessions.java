package org.voluntree.app.live;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** The open WebSocket sessions of this node, by organisation. */
@Component
class OrganisationSessions {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSessions.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 1 << 20;

    private final Map<Long, Set<WebSocketSession>> byOrganisation = new ConcurrentHashMap<>();
    private final Map<String, WebSocketSession> decorated = new ConcurrentHashMap<>();
    private final Map<WebSocketSession, Long> adminOf = new ConcurrentHashMap<>();
    /** Sockets by the login session that opened them (none for API-token sockets). */
    private final Map<String, Set<WebSocketSession>> byLoginSession = new ConcurrentHashMap<>();

    void add(long organisationId, long adminId, String loginSessionId, WebSocketSession session) {
        WebSocketSession safe =
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        decorated.put(session.getId(), safe);
        adminOf.put(safe, adminId);
        byOrganisation
                .computeIfAbsent(organisationId, id -> ConcurrentHashMap.newKeySet())
                .add(safe);
        if (loginSessionId != null) {
            byLoginSession
                    .computeIfAbsent(loginSessionId, id -> ConcurrentHashMap.newKeySet())
                    .add(safe);
        }
    }

    void remove(long organisationId, WebSocketSession session) {
        WebSocketSession safe = decorated.remove(session.getId());
        Set<WebSocketSession> sessions = byOrganisation.get(organisationId);
        if (safe != null) {
            adminOf.remove(safe);
            byLoginSession.values().forEach(open -> open.remove(safe));
            byLoginSession.values().removeIf(Set::isEmpty);
        }
        if (sessions != null && safe != null) {
            sessions.remove(safe);
        }
    }

    /** The login sessions that have sockets open on this node. */
    Set<String> loginSessions() {
        return Set.copyOf(byLoginSession.keySet());
    }

    /** Closes every socket this node holds for the login session; returns how many. */
    int closeLoginSession(String loginSessionId, String reason) {
        Set<WebSocketSession> open = byLoginSession.remove(loginSessionId);
        if (open == null) {
            return 0;
        }
        for (WebSocketSession socket : open) {
            try {
                socket.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
            } catch (IOException | RuntimeException e) {
                log.debug("Could not close a socket of an ended login session: {}", e.toString());
            }
        }
        return open.size();
    }

    /** Sends a text to every open session of the organisation. */
    void send(long organisationId, String text) {
        send(organisationId, null, text);
    }

    /** Sends a text to the open sessions of the organisation's admins named, or to all of them when null. */
    void send(long organisationId, Set<Long> adminIds, String text) {
        Set<WebSocketSession> sessions = byOrganisation.getOrDefault(organisationId, Set.of());
        TextMessage message = new TextMessage(text);
        for (WebSocketSession session : sessions) {
            if (adminIds != null && !adminIds.contains(adminOf.get(session))) {
                continue;
            }
            try {
                if (session.isOpen()) {
                    session.sendMessage(message);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not push an event to a session of organisation {}: {}", organisationId, e.toString());
            }
        }
    }

    int count() {
        return decorated.size();
    }
}
