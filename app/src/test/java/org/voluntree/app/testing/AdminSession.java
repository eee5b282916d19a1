package org.voluntree.app.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** An admin's browser, reduced to what the tests need: a form login, its session cookie, and the events WebSocket. */
public final class AdminSession implements AutoCloseable {

    private final int port;
    private final CookieManager cookies;
    private final HttpClient http;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private WebSocket socket;
    private volatile String closedBecause;

    public AdminSession(int port) {
        this(port, new CookieManager());
    }

    private AdminSession(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** The same browser (its cookies, so its login) talking to another node. */
    public AdminSession on(int otherPort) {
        return new AdminSession(otherPort, cookies);
    }

    /** Logs in through the login form; returns the HTTP status (302 to the dashboard on success). */
    public int logIn(String email, String password) {
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.headers().firstValue("Location").orElse("").contains("error")) {
                return 401;
            }
            // a throttled login answers 429 itself
            return response.statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("login request failed", e);
        }
    }

    /** GETs a path with this session's cookies. */
    public HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** POSTs a form with this session's cookies. */
    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    /** POSTs JSON with this session's cookies and, when given, the CSRF token header. */
    public HttpResponse<String> postJson(String path, String json, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-CSRF-TOKEN", csrfToken);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        }
    }

    /** Opens {@code /ws/events} with this session's cookies; throws when the server refuses. */
    public void connect() throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        String cookieHeader = String.join(
                "; ",
                cookies.getCookieStore().getCookies().stream()
                        .map(HttpCookie::toString)
                        .toList());
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/events"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closedBecause = statusCode + " " + reason;
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    /** The value of this browser's cookie with that name, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The status and reason the server closed the socket with, or null while it is open. */
    public String closedBecause() {
        return closedBecause;
    }

    public List<String> received() {
        return received;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
