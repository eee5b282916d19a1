package org.voluntree.app.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
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
    private static final Duration APPLICATION_STOP = Duration.ofSeconds(60);

    private EmbeddedDefaults() {}

    public static void applyTo(SpringApplication application, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("VOLUNTREE_DATA_DIR", ".voluntree"));
        Map<String, Object> defaults = new HashMap<>();
        boolean embeddedRedis = isBlank(env.get("VOLUNTREE_REDIS_URL"));
        boolean embeddedPostgres = isBlank(env.get("VOLUNTREE_DATABASE_URL"));
        int redisPort = Integer.parseInt(env.getOrDefault("VOLUNTREE_EMBEDDED_REDIS_PORT", "16379"));
        int postgresPort = Integer.parseInt(env.getOrDefault("VOLUNTREE_EMBEDDED_POSTGRES_PORT", "54329"));
        if (embeddedRedis) {
            requireFree(redisPort, "Redis", "redis-server", "redis-cli -p " + redisPort + " shutdown", "REDIS");
        }
        if (embeddedPostgres) {
            requireFree(
                    postgresPort,
                    "PostgreSQL",
                    "postgres",
                    "kill the postgres process that pgrep shows with that data folder",
                    "POSTGRES");
        }
        List<AutoCloseable> servers = new CopyOnWriteArrayList<>();
        if (embeddedRedis || embeddedPostgres) {
            stopAfterTheApplication(application, servers); // also stops Redis if PostgreSQL then fails to start
        }
        if (embeddedRedis) {
            LocalRedisServer redis = LocalRedisServer.start(redisPort, dataDir.resolve("redis"), true);
            servers.add(redis);
            defaults.put("voluntree.embedded.redis-url", redis.uri());
        }
        if (embeddedPostgres) {
            EmbeddedPostgres postgres = startPostgres(dataDir.resolve("postgres"), postgresPort);
            servers.add(postgres);
            defaults.put("voluntree.embedded.database-url", postgres.getJdbcUrl("postgres", "postgres"));
            defaults.put("voluntree.embedded.database-user", "postgres");
        }
        if (embeddedRedis || embeddedPostgres) {
            defaults.put("voluntree.embedded.demo", "true");
            // the demo's Facebook sandbox signs with these; a real deployment sets its own
            defaults.put("voluntree.embedded.webhook-app-secret", "voluntree-demo-app-secret");
            defaults.put("voluntree.embedded.webhook-verify-token", "voluntree-demo-verify-token");
            defaults.put("voluntree.embedded.facebook-app-id", "100000000000999");
            // the local Facebook sandbox this same process serves, on the port it serves
            // (VOLUNTREE_PORT or --server.port: resolved when the property is read)
            defaults.put("voluntree.embedded.facebook-graph-url", "http://127.0.0.1:${server.port:8080}/sandbox/graph");
            defaults.put("voluntree.embedded.pages-token-key", localTokenKey(dataDir));
            if (isBlank(env.get("VOLUNTREE_SMTP_HOST"))) {
                defaults.put("voluntree.embedded.mail-sandbox", "true");
                defaults.put("voluntree.embedded.smtp-port", env.getOrDefault("VOLUNTREE_EMBEDDED_SMTP_PORT", "3025"));
            }
        }
        application.setDefaultProperties(defaults);
    }

    /**
     * Refuses to start when an embedded server's port is taken, most often by the server of an
     * earlier run whose process was killed (its servers outlive it): the server would fail with
     * "address already in use" in its own log, and the application with a less helpful error.
     */
    static void requireFree(int port, String server, String process, String stop, String variable) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException free) {
            return;
        }
        throw new IllegalStateException("port " + port + " of the embedded " + server + " is already in use,"
                + " probably by a " + process + " left running by an earlier run that was killed (see `pgrep -af "
                + process + "`; " + stop + "); or set VOLUNTREE_EMBEDDED_" + variable + "_PORT to a free port");
    }

    /**
     * Stops the servers once the application has stopped using them. Every JVM shutdown hook runs
     * at the same time, Spring's (which closes the context: the workers, consumers and pools) among
     * them; servers stopped right away left the workers retrying against a dead Redis, and the
     * process did not exit. So this hook waits until Spring reports its contexts closed (a Spring
     * shutdown handler runs after that), at most {@link #APPLICATION_STOP}, and then stops them. A
     * context that never started (or already failed) is not waited for.
     */
    private static void stopAfterTheApplication(SpringApplication application, List<AutoCloseable> servers) {
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        CountDownLatch applicationStopped = new CountDownLatch(1);
        application.addListeners((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ApplicationPreparedEvent prepared) {
                context.set(prepared.getApplicationContext());
            }
        });
        SpringApplication.getShutdownHandlers().add(applicationStopped::countDown);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            ConfigurableApplicationContext running = context.get();
                            try {
                                if (running != null
                                        && running.isActive()
                                        && !applicationStopped.await(
                                                APPLICATION_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                                    log.warn(
                                            "The application did not stop within {}; stopping the embedded servers anyway",
                                            APPLICATION_STOP);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            for (int i = servers.size() - 1; i >= 0; i--) {
                                try {
                                    servers.get(i).close();
                                } catch (Exception e) {
                                    log.warn("An embedded server did not stop cleanly: {}", e.toString());
                                }
                            }
                        },
                        "embedded-servers-stop"));
    }

    private static EmbeddedPostgres startPostgres(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false) // stopped after the application, see stopAfterTheApplication
                    .start();
            log.info("Started embedded PostgreSQL on port {} with data in {}", port, dir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL in " + dir + "; free port " + port
                            + " or set VOLUNTREE_DATABASE_URL to a PostgreSQL server",
                    e);
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
