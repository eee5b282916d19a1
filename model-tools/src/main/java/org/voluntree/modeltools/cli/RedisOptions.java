package org.voluntree.modeltools.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.function.Function;
import org.voluntree.contracts.model.ModelRegistry;
import picocli.CommandLine.Option;

/** The {@code --redis} option shared by the registry commands, and a short-lived registry connection. */
public final class RedisOptions {

    public static final String ENV = "VOLUNTREE_REDIS_URL";
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    @Option(names = "--redis", description = "Redis URL (default: $" + ENV + ", else " + DEFAULT_URL + ")")
    private String url;

    String url() {
        if (url != null) {
            return url;
        }
        String fromEnv = System.getenv(ENV);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_URL : fromEnv;
    }

    /** Runs {@code work} against the registry on a connection opened and closed for this command. */
    <T> T withRegistry(Function<ModelRegistry, T> work) {
        RedisURI uri = RedisURI.create(url());
        uri.setTimeout(Duration.ofSeconds(10));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            return work.apply(new ModelRegistry(connection.sync()));
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
