package org.voluntree.contracts.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import org.voluntree.contracts.local.LocalRedisServer;

/**
 * One real Redis server per test JVM, started on first use on a free port and stopped when the
 * JVM exits. Tests call {@link #flush()} before each test instead of starting a new server.
 */
public final class TestRedis {

    private static LocalRedisServer server;
    private static RedisClient client;

    private TestRedis() {}

    public static synchronized LocalRedisServer server() {
        if (server == null) {
            Path dir = Path.of("target", "test-redis-" + ProcessHandle.current().pid());
            server = LocalRedisServer.start(0, dir, false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-redis-stop"));
        }
        return server;
    }

    public static String uri() {
        return server().uri();
    }

    /** A client shared by a test JVM; do not shut it down. */
    public static synchronized RedisClient client() {
        if (client == null) {
            client = RedisClient.create(uri());
            Runtime.getRuntime().addShutdownHook(new Thread(client::shutdown, "test-redis-client-stop"));
        }
        return client;
    }

    /** Empties the server: call before each test. */
    public static void flush() {
        try (StatefulRedisConnection<String, String> connection = client().connect()) {
            connection.sync().flushall();
        }
    }
}
