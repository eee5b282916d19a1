package org.voluntree.app.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.testing.TestRedis;

/**
 * Points a Spring test context at the real test servers and the test's Facebook app secret. Each test
 * class calls {@link #register} from its own {@code @DynamicPropertySource}, naming the roles it runs.
 */
public final class TestServers {

    public static final String APP_SECRET = "test-app-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";
    public static final String APP_ID = "100000000000900";
    /** 32 bytes, base64: encrypts page tokens in the tests. */
    public static final String TOKEN_KEY = "dm9sdW50cmVlLXRlc3QtdG9rZW4ta2V5LTMyLWJ5dGU=";

    private TestServers() {}

    /** The servers, the test's Facebook app, these roles, and free ports for the app and its mail sandbox. */
    public static void register(DynamicPropertyRegistry registry, String roles) {
        registry.add("spring.data.redis.url", TestRedis::uri);
        registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("voluntree.webhook.app-secret", () -> APP_SECRET);
        registry.add("voluntree.webhook.verify-token", () -> VERIFY_TOKEN);
        registry.add("voluntree.facebook.app-id", () -> APP_ID);
        registry.add("voluntree.pages.token-key", () -> TOKEN_KEY);
        registry.add("voluntree.roles", () -> roles);
        // a port known before the server starts, so the Graph client can point at this app's sandbox
        int port = LocalRedisServer.freePort();
        registry.add("server.port", () -> port);
        registry.add("voluntree.facebook.graph-url", () -> "http://127.0.0.1:" + port + "/sandbox/graph");
        // where the mail sandbox listens in a test that enables it (voluntree.mail.sandbox.enabled=true)
        int smtp = LocalRedisServer.freePort();
        registry.add("spring.mail.port", () -> smtp);
    }

    /**
     * The same settings as command-line arguments, for a program that starts the app itself (the
     * benchmarks), on the given port and with logging at WARN.
     */
    public static String[] commandLine(String roles, int port) {
        return new String[] {
            "--spring.data.redis.url=" + TestRedis.uri(),
            "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--voluntree.webhook.app-secret=" + APP_SECRET,
            "--voluntree.webhook.verify-token=" + VERIFY_TOKEN,
            "--voluntree.facebook.app-id=" + APP_ID,
            "--voluntree.pages.token-key=" + TOKEN_KEY,
            "--voluntree.roles=" + roles,
            "--server.port=" + port,
            "--voluntree.facebook.graph-url=http://127.0.0.1:" + port + "/sandbox/graph",
            "--logging.level.root=WARN"
        };
    }
}
