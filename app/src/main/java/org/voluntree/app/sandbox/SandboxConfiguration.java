package org.voluntree.app.sandbox;

import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.voluntree.app.demo.DemoProperties;
import org.voluntree.app.webhook.WebhookProperties;

/**
 * The sandbox's beans, only with {@code voluntree.facebook.sandbox.enabled=true} in a web process:
 * its state (with the demo page, its deterministic token and a first post), the webhook simulator,
 * {@link SandboxPages}, and a security chain that opens {@code /sandbox/**} (Graph calls carry their
 * own tokens; the controls exist only here).
 */
@ConditionalOnSandbox
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);
    static final String DEMO_POST = "We need volunteers for Saturday's food drive at the Riverside warehouse, "
            + "9am to 1pm. Comment below or message us to sign up!";

    @Bean
    SandboxState sandboxState(SandboxProperties properties, WebhookProperties webhook, DemoProperties demo) {
        SandboxClock clock = new SandboxClock(Clock.systemUTC());
        SandboxState state = new SandboxState(
                webhook.appSecret(),
                clock,
                new TokenRegistry(properties.appId(), webhook.appSecret(), clock),
                new SandboxGraph(clock),
                new Conversations(clock),
                new UsageMeter(clock, properties.usageWindow(), properties.callsPerWindow()),
                new RequestLog(properties.requestLogSize()));
        if (demo.pageId() != null && !demo.pageId().isBlank()) {
            state.graph().putPage(demo.pageId(), demo.pageName());
            state.tokens()
                    .registerPageToken(
                            demo.pageId(),
                            SandboxPages.demoTokenFor(webhook.appSecret(), demo.pageId()),
                            AccountEndpoints.SANDBOX_USER_ID);
            state.graph().publish(demo.pageId(), DEMO_POST, null, null, true, null);
        }
        log.warn("The Facebook sandbox is enabled: a local Graph API is served at /sandbox/graph. "
                + "Never enable it in production.");
        return state;
    }

    @Bean
    ResponseHolds responseHolds() {
        return new ResponseHolds();
    }

    @Bean
    SandboxPages sandboxPages(SandboxProperties properties, WebhookProperties webhook, DemoProperties demo) {
        return new SandboxPages(
                properties.appId(), demo.pageId(), SandboxPages.demoTokenFor(webhook.appSecret(), demo.pageId()));
    }

    @Bean
    WebhookSimulator webhookSimulator(SandboxState state, SandboxProperties properties, Environment environment) {
        return new WebhookSimulator(state, properties.appId(), () -> {
            if (properties.webhookUrl() != null && !properties.webhookUrl().isBlank()) {
                return URI.create(properties.webhookUrl());
            }
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            return URI.create("http://127.0.0.1:" + port + "/webhooks/facebook");
        });
    }

    /** Ahead of the app's chain: the sandbox speaks for itself (tokens, signatures) and keeps no sessions. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain sandboxSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
