package org.voluntree.app.live;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
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
        registry.addHandler(handler, "/ws/events");
    }

    @Bean
    RedisMessageListenerContainer organisationEventsListener(RedisConnectionFactory connections,
            OrganisationSessions sessions) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        // one dispatch thread: an organisation's events keep their order, and no thread is started per event
        container.setTaskExecutor(Executors.newSingleThreadExecutor(r -> new Thread(r, "org-events-relay")));
        container.addMessageListener(new OrganisationEventRelay(sessions), new PatternTopic(RedisNames.ORG_EVENTS_PATTERN));
        return container;
    }
}
