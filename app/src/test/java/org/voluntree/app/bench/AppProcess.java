package org.voluntree.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.voluntree.app.testing.AppProcesses;

/** The packaged app started as a process of its own, configured only through environment variables. */
final class AppProcess implements AutoCloseable {

    static final String APP_SECRET = "bench-app-secret";

    private final Process process;
    private final int port;
    private final String name;

    private AppProcess(Process process, int port, String name) {
        this.process = process;
        this.port = port;
        this.name = name;
    }

    /**
     * Starts {@code java -jar} with the given roles and extra settings and waits until it is ready.
     * Each start gets its own log file under {@code target/bench}.
     */
    static AppProcess start(
            Path jar,
            String name,
            String roles,
            int port,
            String redisUrl,
            String databaseUrl,
            Map<String, String> settings) {
        Path log = Path.of("target", "bench", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = AppProcesses.command(jar, log);
            Map<String, String> env = builder.environment();
            env.putAll(AppProcesses.environment(roles, port, redisUrl, databaseUrl, APP_SECRET, "bench-verify-token"));
            // the seeded demo organisation, page and admin are the benchmark's tenant
            env.put("VOLUNTREE_DEMO_ENABLED", "true");
            env.putAll(settings);
            long started = System.nanoTime();
            Process process = builder.start();
            // a benchmark stopped with Ctrl-C must not leave the app running
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-app-stop"));
            AppProcess app = new AppProcess(process, port, name);
            app.awaitReady(started, log);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    private void awaitReady(long started, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(180)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "app '" + name + "' exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response =
                        http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    PipelineBenchmark.say(
                            "app '%s' (pid %d) ready on port %d after %.1f s",
                            name, process.pid(), port, (System.nanoTime() - started) / 1e9);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("app '" + name + "' not ready after 180 s; see " + log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Threads this JVM has started since it began (HotSpot's {@code java.threads.started}), or -1. */
    long threadsStarted() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), "PerfCounter.print")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(20, TimeUnit.SECONDS);
            for (String line : out.split("\n")) {
                if (line.startsWith("java.threads.started=")) {
                    return Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** SIGTERM (graceful shutdown), then waits. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
