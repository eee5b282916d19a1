package org.voluntree.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voluntree.app.testing.AppProcesses;
import org.voluntree.contracts.local.LocalRedisServer;

/**
 * The README's run command: the packaged jar with nothing configured starts its own Redis and
 * PostgreSQL, answers a simulated comment through its own Facebook sandbox (on whatever port it was
 * given, here as {@code --server.port}), and a stop (SIGTERM, as Ctrl-C or a service manager sends)
 * ends the process and both servers, the application first.
 */
class EmbeddedRunIT {

    @Test
    void aStoppedEmbeddedRunExitsAndStopsItsServersAfterTheApplication(@TempDir Path dataDir) throws Exception {
        runAndStop(dataDir, "embedded-run.log", Map.of());
    }

    /** The README's "JDK only" case: the Redis binary bundled in the jar, not Debian's. */
    @Test
    void soDoesOneOnAMachineWithoutRedisServer(@TempDir Path dataDir, @TempDir Path bin) throws Exception {
        runAndStop(dataDir, "embedded-run-bundled-redis.log", Map.of("PATH", pathWithout("redis-server", bin)));
    }

    private void runAndStop(Path dataDir, String logName, Map<String, String> environment) throws Exception {
        int port = LocalRedisServer.freePort();
        int redisPort = LocalRedisServer.freePort();
        int postgresPort = LocalRedisServer.freePort();
        Path log = Files.createDirectories(Path.of("target", "app-processes")).resolve(logName);
        ProcessBuilder builder = AppProcesses.command(Path.of(System.getProperty("voluntree.app.jar")), log);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VOLUNTREE_"));
        builder.command().add("--server.port=" + port);
        env.putAll(Map.of(
                "VOLUNTREE_DATA_DIR",
                dataDir.toString(),
                "VOLUNTREE_EMBEDDED_REDIS_PORT",
                Integer.toString(redisPort),
                "VOLUNTREE_EMBEDDED_POSTGRES_PORT",
                Integer.toString(postgresPort),
                "VOLUNTREE_EMBEDDED_SMTP_PORT",
                Integer.toString(LocalRedisServer.freePort()),
                "TF_CPP_MIN_LOG_LEVEL",
                "2"));
        env.putAll(environment);
        Process app = builder.start();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> AppProcesses.ready(port) || !app.isAlive());
            assertThat(app.isAlive()).as("started; see " + log.toAbsolutePath()).isTrue();
            assertThat(listening(redisPort)).isTrue();
            assertThat(listening(postgresPort)).isTrue();
            // the replies go to the sandbox this process serves, on the port it was given
            HttpClient http = HttpClient.newHttpClient();
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/simulate/comment"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"pageId\":\"100000000000001\","
                                    + "\"authorName\":\"Maya Cruz\",\"text\":\"Count me in for Saturday!\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(http.send(
                                            HttpRequest.newBuilder(URI.create(
                                                            "http://127.0.0.1:" + port + "/sandbox/messages"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body())
                            .as("the private signup offer reached the sandbox; see " + log.toAbsolutePath())
                            .contains("Maya"));

            app.destroy();

            assertThat(app.waitFor(30, TimeUnit.SECONDS))
                    .as("exited after SIGTERM; see " + log.toAbsolutePath())
                    .isTrue();
            assertThat(listening(redisPort)).as("embedded Redis stopped").isFalse();
            assertThat(listening(postgresPort))
                    .as("embedded PostgreSQL stopped")
                    .isFalse();
            String output = Files.readString(log);
            String afterStop = output.substring(Math.max(0, output.indexOf("Commencing graceful shutdown")));
            assertThat(afterStop)
                    .as("nothing kept using Redis after it stopped")
                    .doesNotContain("Cannot reconnect")
                    .doesNotContain("Redis unavailable");
        } finally {
            app.destroyForcibly();
        }
    }

    /** A PATH of links to every program on this one but {@code program}: this machine without it. */
    private static String pathWithout(String program, Path bin) throws IOException {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            Path directory = Path.of(dir);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (var files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path link = bin.resolve(file.getFileName().toString());
                    if (!file.getFileName().toString().equals(program)
                            && Files.isExecutable(file)
                            && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, file.toAbsolutePath());
                    }
                }
            }
        }
        return bin.toString();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
