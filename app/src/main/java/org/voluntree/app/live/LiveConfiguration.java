package org.voluntree.app.live;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;

/** Wires {@code /ws/events} and this node's subscription to every organisation's channel. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@ConditionalOnRole(Role.WEB)
@ConditionalOnWebApplication
class LiveConfiguration implements WebSocketConfigurer {

    private final OrganisationEventsHandler handler;

    LiveConfiguration(OrganisationEventsHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // the login session's id goes with the socket, so that its end closes the socket on every node
        HttpSessionHandshakeInterceptor loginSession = new HttpSessionHandshakeInterceptor();
        loginSession.setCopyAllAttributes(false);
        loginSession.setCopyHttpSessionId(true);
        loginSession.setCreateSession(false);
        registry.addHandler(handler, "/ws/events").addInterceptors(loginSession, new ApiTokenHandshake());
    }

    @Bean
    RedisMessageListenerContainer organisationEventsListener(
            RedisConnectionFactory connections, OrganisationSessions sessions, EndedSessions ended) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        // one dispatch thread: an organisation's events keep their order, and no thread is started per event
        container.setTaskExecutor(Executors.newSingleThreadExecutor(r -> new Thread(r, "org-events-relay")));
        container.addMessageListener(
                new OrganisationEventRelay(sessions), new PatternTopic(RedisNames.ORG_EVENTS_PATTERN));
        container.addMessageListener(
                (message, pattern) -> ended.ended(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(RedisNames.SESSION_ENDED_CHANNEL));
        return container;
    }
}
