package org.voluntree.app.cli;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.voluntree.app.account.OwnerSetup;
import org.voluntree.app.account.PasswordConfiguration;
import org.voluntree.app.chat.ChatProperties;
import org.voluntree.app.chat.ChatRetention;
import org.voluntree.app.embedded.EmbeddedDefaults;

/**
 * Starts the small Spring context a command needs: PostgreSQL (migrated by Flyway), password
 * hashing, and the services of the commands. No web server, no roles, no Redis: the embedded
 * defaults start only the embedded PostgreSQL when {@code VOLUNTREE_DATABASE_URL} is unset.
 */
final class CommandContext {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(ChatProperties.class)
    @Import({PasswordConfiguration.class, OwnerSetup.class, ChatRetention.class})
    static class Beans {}

    private final Map<String, String> env;

    CommandContext(Map<String, String> env) {
        this.env = env;
    }

    ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(Beans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        Map<String, String> withoutRedis = new HashMap<>(env);
        // commands need no Redis: a placeholder keeps the embedded defaults from starting one
        withoutRedis.putIfAbsent("VOLUNTREE_REDIS_URL", "redis://127.0.0.1:6379");
        EmbeddedDefaults.applyTo(application, withoutRedis);
        return application.run("--logging.level.root=WARN", "--logging.level.org.voluntree=WARN");
    }
}
