package org.voluntree.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voluntree.contracts.testing.TestRedis;

/**
 * The packaged jar started as separate processes, configured only through environment variables
 * as in production, against the test Redis and PostgreSQL. Close to stop them all.
 */
public final class AppProcesses implements AutoCloseable {

    private final String appSecret;
    private final List<Process> processes = new ArrayList<>();

    public AppProcesses(String appSecret) {
        this.appSecret = appSecret;
    }

    /** Starts the jar with these roles on this port; {@code extraEnv} adds or overrides variables. */
    public Process start(String roles, int port, Map<String, String> extraEnv) throws IOException {
        Path jar = Path.of(System.getProperty("voluntree.app.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run these tests through 'mvn verify'");
        }
        Path log = Files.createDirectories(Path.of("target", "app-processes"))
                .resolve(roles.replace(',', '-') + "-" + port + ".log");
        ProcessBuilder builder = command(jar, log);
        Map<String, String> env = builder.environment();
        env.putAll(environment(roles, port, TestRedis.uri(), TestPostgres.jdbcUrl(), appSecret, "process-test-token"));
        env.put("VOLUNTREE_GEAR_MAX_WAIT", "20ms");
        env.put("VOLUNTREE_WRITER_MAX_WAIT", "20ms");
        env.putAll(extraEnv);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /**
     * {@code java -jar} of the packaged app, with the JavaCPP cache of this JVM (else the usual one)
     * and its output in the log file; the caller adds the environment.
     */
    public static ProcessBuilder command(Path jar, Path log) {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.bytedeco.javacpp.cachedir="
                                + System.getProperty(
                                        "org.bytedeco.javacpp.cachedir",
                                        Path.of(System.getProperty("user.home"), ".cache", "voluntree", "javacpp")
                                                .toString()),
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
    }

    /**
     * The variables every separate app process needs, as production sets them: its roles and port,
     * Redis and PostgreSQL, the Facebook app (secret, verify token, id) and the page-token key.
     */
    public static Map<String, String> environment(
            String roles, int port, String redisUrl, String databaseUrl, String appSecret, String verifyToken) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VOLUNTREE_ROLES", roles);
        env.put("VOLUNTREE_PORT", Integer.toString(port));
        env.put("VOLUNTREE_REDIS_URL", redisUrl);
        env.put("VOLUNTREE_DATABASE_URL", databaseUrl);
        env.put("VOLUNTREE_DATABASE_USER", "postgres");
        env.put("VOLUNTREE_WEBHOOK_APP_SECRET", appSecret);
        env.put("VOLUNTREE_WEBHOOK_VERIFY_TOKEN", verifyToken);
        env.put("VOLUNTREE_FACEBOOK_APP_ID", TestServers.APP_ID);
        env.put("VOLUNTREE_PAGES_TOKEN_KEY", TestServers.TOKEN_KEY);
        env.put("TF_CPP_MIN_LOG_LEVEL", "2");
        return env;
    }

    /** Whether the process on this port answers its readiness probe with 200. */
    public static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
