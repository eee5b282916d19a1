package org.voluntree.contracts.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server on loopback: {@code redis-server} from the PATH when there is one (Redis
 * 7 on Debian), else the binary that ships inside {@code com.github.codemonstur:embedded-redis}
 * (Redis 6.2, which has every command Voluntree uses). Either way the server runs until
 * {@link #close()}: the caller stops it (from a shutdown hook of its own, when it should go with the JVM).
 */
public final class LocalRedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRedisServer.class);

    private final int port;
    private final Process process;

    private LocalRedisServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a server.
     *
     * @param port the port, or 0 for any free one
     * @param dataDir where it keeps its files
     * @param persistent whether it writes an append-only file there (survives restarts)
     */
    public static LocalRedisServer start(int port, Path dataDir, boolean persistent) {
        int chosen = port == 0 ? freePort() : port;
        try {
            Files.createDirectories(dataDir);
            List<String> settings = new ArrayList<>(List.of(
                    "--port",
                    Integer.toString(chosen),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    dataDir.toAbsolutePath().toString(),
                    "--save",
                    "",
                    "--appendonly",
                    persistent ? "yes" : "no"));
            Optional<Path> onPath = onPath("redis-server");
            // the library's own way of running its binary stops it from a JVM shutdown hook of its own,
            // at once: the embedded run's workers would lose Redis before the application has stopped
            Path binary = onPath.isPresent() ? onPath.get() : bundledBinary();
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(settings);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("redis.log").toFile())
                    .start();
            LocalRedisServer server = new LocalRedisServer(chosen, process);
            if (onPath.isPresent()) {
                log.info("Started {} on port {}", binary, chosen);
            } else {
                log.info("No redis-server on the PATH: started the embedded Redis binary on port {}", chosen);
            }
            server.awaitReady(Duration.ofSeconds(20));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start a local Redis server on port " + chosen
                            + "; install redis-server (apt-get install redis-server) or free the port",
                    e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            process.destroy();
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Redis binary inside the embedded-redis jar, unpacked to a temporary file that can be run. */
    private static Path bundledBinary() throws IOException {
        File binary = ExecutableProvider.newJarResourceProvider().get();
        if (!binary.canExecute() && !binary.setExecutable(true)) {
            throw new IOException("cannot make the bundled Redis binary " + binary + " executable");
        }
        return binary.toPath();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start with code " + process.exitValue()
                        + "; see its log in the data folder");
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Redis", e);
            }
        }
        close();
        throw new IllegalStateException("Redis on port " + port + " did not answer PING within " + timeout);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
