package org.voluntree.app.live;

import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;
import org.voluntree.app.account.ApiTokenLogins;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Closes the WebSockets of a login session that is over, on every web node. Sessions live in
 * Redis, so the servlet container no longer sees them end: a logout announces the session id on
 * {@link RedisNames#SESSION_ENDED_CHANNEL} (every node closes its sockets of it), and each node
 * checks now and then that the sessions of its sockets still exist (expiry, or a logout whose
 * announcement it missed). Sockets opened with an API token close the same way once the token is
 * revoked or expires.
 */
@Component
@ConditionalOnRole(Role.WEB)
public class EndedSessions implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);
    /** Prefix of the login key of a socket opened with an API token (followed by the token's digest). */
    static final String TOKEN_PREFIX = "token:";

    private final StatefulRedisConnection<String, byte[]> redis;
    private final OrganisationSessions sockets;
    private final SessionRepository<?> repository;
    private final ApiTokenLogins tokens;

    EndedSessions(
            StatefulRedisConnection<String, byte[]> redis,
            OrganisationSessions sockets,
            SessionRepository<?> repository,
            ApiTokenLogins tokens) {
        this.redis = redis;
        this.sockets = sockets;
        this.repository = repository;
        this.tokens = tokens;
    }

    /** Runs at logout, before the session is invalidated. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            redis.sync()
                    .publish(RedisNames.SESSION_ENDED_CHANNEL, session.getId().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An announcement from any node (this one included). */
    void ended(String sessionId) {
        int closed = sockets.closeLoginSession(sessionId, "logged out");
        if (closed > 0) {
            log.info("Closed {} live connection(s) of a login session that ended", closed);
        }
    }

    /**
     * Sessions that expired (or whose logout this node missed), and API tokens revoked or expired,
     * lose their sockets within a minute.
     */
    @Scheduled(fixedDelayString = "${voluntree.live.session-check:60s}")
    void closeExpired() {
        Set<String> open = sockets.loginSessions();
        for (String login : open) {
            if (login.startsWith(TOKEN_PREFIX)) {
                if (!tokens.stillValid(login.substring(TOKEN_PREFIX.length()))) {
                    sockets.closeLoginSession(login, "token revoked or expired");
                }
            } else if (repository.findById(login) == null) {
                sockets.closeLoginSession(login, "session expired");
            }
        }
    }
}
