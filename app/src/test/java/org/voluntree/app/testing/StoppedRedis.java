package org.voluntree.app.testing;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Consumer;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisCodecs;

/** A connection to a real Redis server that has stopped: for what must hold when Redis does not take a command. */
public final class StoppedRedis {

    private StoppedRedis() {}

    /**
     * Runs the body with a connection whose server (started for it) was stopped before the body runs: every
     * command is refused at once, not queued until a reconnect.
     */
    public static void with(Consumer<StatefulRedisConnection<String, byte[]>> body) throws IOException {
        LocalRedisServer doomed = LocalRedisServer.start(0, Files.createTempDirectory("voluntree-redis-gone"), false);
        RedisClient client = RedisClient.create(doomed.uri());
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        try (StatefulRedisConnection<String, byte[]> redis = client.connect(RedisCodecs.STRING_BYTES)) {
            redis.setTimeout(Duration.ofSeconds(2));
            doomed.close();
            body.accept(redis);
        } finally {
            client.shutdown();
        }
    }
}
