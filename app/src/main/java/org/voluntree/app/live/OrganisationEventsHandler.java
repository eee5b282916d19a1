package org.voluntree.app.live;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.ApiTokenLogins;

/**
 * {@code /ws/events}: a logged-in admin's session receives their organisation's events. The
 * handshake already required a session; a connection without an admin behind it is closed.
 */
@Component
class OrganisationEventsHandler extends TextWebSocketHandler {

    static final String ORGANISATION = "organisationId";

    private final OrganisationSessions sessions;

    OrganisationEventsHandler(OrganisationSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        AdminAccount admin = adminOf(session.getPrincipal());
        if (admin == null) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("log in first"));
            return;
        }
        session.getAttributes().put(ORGANISATION, admin.organisationId());
        sessions.add(admin.organisationId(), admin.adminId(), loginOf(session), session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object organisationId = session.getAttributes().get(ORGANISATION);
        if (organisationId instanceof Long id) {
            sessions.remove(id, session);
        }
    }

    /**
     * What the socket's login ends with: {@code token:<digest>} for a socket opened with an API
     * token, else the HTTP session's id (see {@link EndedSessions}); null if neither is known.
     */
    static String loginOf(WebSocketSession session) {
        // a token authenticates the handshake itself, whatever session the client also carries
        if (session.getAttributes().get(ApiTokenLogins.DIGEST_ATTRIBUTE) instanceof String digest) {
            return EndedSessions.TOKEN_PREFIX + digest;
        }
        if (session.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME)
                instanceof String id) {
            return id;
        }
        return null;
    }

    private static AdminAccount adminOf(Principal principal) {
        if (principal instanceof Authentication authentication
                && authentication.getPrincipal() instanceof AdminAccount admin) {
            return admin;
        }
        return null;
    }
}
