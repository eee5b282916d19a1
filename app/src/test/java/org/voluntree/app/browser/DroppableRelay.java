package org.voluntree.app.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the browser and the app, the network in between: {@link #drop()} resets
 * every connection through it and refuses new ones, as a lost network does, while the app and its
 * sessions keep running; {@link #restore()} accepts connections again on the same port.
 */
final class DroppableRelay implements AutoCloseable {

    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private int port;

    /** Relays a free local port to {@code targetPort} on 127.0.0.1. */
    DroppableRelay(int targetPort) {
        this.target = targetPort;
        restore();
    }

    /** The port the browser connects to. */
    int port() {
        return port;
    }

    /** Resets every relayed connection and refuses new ones until {@link #restore()}. */
    synchronized void drop() {
        closeQuietly(listening);
        listening = null;
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException e) {
                // closed already
            }
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Accepts connections again, on the same port as before. */
    synchronized void restore() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = server.getLocalPort();
            listening = server;
            daemon("relay-accept-" + port, () -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket browser = null;
            try {
                browser = server.accept();
                Socket app = new Socket(InetAddress.getLoopbackAddress(), target);
                synchronized (this) {
                    if (listening != server) {
                        // dropped while this connection was being set up
                        closeQuietly(browser);
                        closeQuietly(app);
                        continue;
                    }
                    open.add(browser);
                    open.add(app);
                }
                pump(browser, app);
                pump(app, browser);
            } catch (IOException e) {
                // closed by drop(), or the app refused: the browser sees its connection fail
                closeQuietly(browser);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon("relay-pump", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing left to do
        }
    }

    @Override
    public void close() {
        drop();
    }
}
