package org.voluntree.app.bench;

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
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An admin watching the dashboard: logs in through the form, opens {@code /ws/events} with the
 * session cookie, and records when each message's event arrived (by its Facebook id).
 */
final class LiveFeed implements AutoCloseable {

    private static final String EXTERNAL_ID = "\"externalId\":\"";

    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private volatile String closedBecause;
    private WebSocket socket;

    static LiveFeed connect(int port, String email, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302
                || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login as " + email + " failed: " + login.statusCode());
        }
        LiveFeed feed = new LiveFeed();
        String cookieHeader = String.join(
                "; ",
                cookies.getCookieStore().getCookies().stream()
                        .map(HttpCookie::toString)
                        .toList());
        feed.socket = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .header("Cookie", cookieHeader)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/events"), feed.listener())
                .get(10, TimeUnit.SECONDS);
        return feed;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    long now = System.nanoTime();
                    int at = partial.indexOf(EXTERNAL_ID);
                    if (at >= 0) {
                        int from = at + EXTERNAL_ID.length();
                        arrivedAt.putIfAbsent(partial.substring(from, partial.indexOf("\"", from)), now);
                    }
                    events.incrementAndGet();
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

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closedBecause = error.toString();
            }
        };
    }

    /** Message id → System.nanoTime() when its event arrived. */
    Map<String, Long> arrivedAt() {
        return arrivedAt;
    }

    long events() {
        return events.get();
    }

    /** Why the server closed the socket, or null while it is open. */
    String closedBecause() {
        return closedBecause;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
