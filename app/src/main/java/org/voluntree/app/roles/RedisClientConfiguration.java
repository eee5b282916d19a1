package org.voluntree.app.roles;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.voluntree.contracts.redis.RedisCodecs;

/**
 * The Lettuce client that the queues, gear and writer use directly (they need blocking reads and
 * byte values); Spring Data Redis uses the same URL for pub/sub and health.
 */
@Configuration(proxyBeanMethods = false)
public class RedisClientConfiguration {

    /** Shares Spring Data Redis's {@link ClientResources} (event loops, timers), which Spring shuts down after it. */
    @Bean(destroyMethod = "shutdown")
    RedisClient lettuceClient(@Value("${spring.data.redis.url}") String url, ClientResources resources) {
        return RedisClient.create(resources, url);
    }

    /**
     * Lettuce records every command's latency in a histogram by default (about 1 % of the app's CPU
     * under load, JFR); nothing here reads those figures.
     */
    @Bean
    ClientResourcesBuilderCustomizer noCommandLatencyRecording() {
        return builder -> builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
    }

    /** One shared connection for non-blocking commands. */
    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, byte[]> sharedRedisConnection(RedisClient client) {
        return client.connect(RedisCodecs.STRING_BYTES);
    }

    /** This process's name among consumers: host, pid and a random suffix, so a restart is a new consumer. */
    @Bean
    ProcessName processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new ProcessName(host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 6));
    }

    /** A unique name for this process's consumers. */
    public record ProcessName(String value) {}
}
