package org.voluntree.app.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays Facebook: posts pre-signed deliveries to {@code /webhooks/facebook}, either as fast as a
 * few concurrent senders can (closed loop) or at a fixed rate (open loop: a slow answer does not
 * delay the next delivery). Records each delivery's response time and, per comment, the instant
 * its delivery was accepted (answered 200).
 */
final class WebhookLoad implements AutoCloseable {

    private final URI endpoint;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    /** Comment id → System.nanoTime() when its delivery was answered 200. */
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Long> responseNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong acceptedEvents = new AtomicLong();
    private final AtomicLong acceptedDeliveries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    WebhookLoad(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/facebook");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(callbacks)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Forgets what earlier runs recorded. */
    void reset() {
        acceptedAt.clear();
        responseNanos.clear();
        acceptedEvents.set(0);
        acceptedDeliveries.set(0);
        failures.set(0);
    }

    /** Closed loop: {@code senders} threads post the deliveries one after another, as fast as answered. */
    void burst(List<SignedDelivery> deliveries, int senders) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(senders);
        for (int s = 0; s < senders; s++) {
            Thread sender = new Thread(
                    () -> {
                        try {
                            for (int i = next.getAndIncrement(); i < deliveries.size(); i = next.getAndIncrement()) {
                                post(deliveries.get(i));
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "bench-sender-" + s);
            sender.setDaemon(true);
            sender.start();
        }
        await(done);
    }

    /**
     * Open loop: one delivery every {@code intervalNanos}, sent asynchronously; returns when all
     * are answered.
     */
    void atFixedRate(List<SignedDelivery> deliveries, long intervalNanos) {
        CountDownLatch answered = new CountDownLatch(deliveries.size());
        long start = System.nanoTime();
        for (int i = 0; i < deliveries.size(); i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            SignedDelivery delivery = deliveries.get(i);
            long sent = System.nanoTime();
            http.sendAsync(request(delivery), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        record(delivery, sent, error == null ? response.statusCode() : -1);
                        answered.countDown();
                    });
        }
        await(answered);
    }

    private void post(SignedDelivery delivery) {
        long sent = System.nanoTime();
        int status;
        try {
            status = http.send(request(delivery), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        record(delivery, sent, status);
    }

    private HttpRequest request(SignedDelivery delivery) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", delivery.signature())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
    }

    private void record(SignedDelivery delivery, long sent, int status) {
        long now = System.nanoTime();
        if (status != 200) {
            failures.incrementAndGet();
            return;
        }
        responseNanos.add(now - sent);
        for (String id : delivery.commentIds()) {
            acceptedAt.put(id, now);
        }
        acceptedEvents.addAndGet(delivery.commentIds().size());
        acceptedDeliveries.incrementAndGet();
    }

    Map<String, Long> acceptedAt() {
        return acceptedAt;
    }

    long acceptedEvents() {
        return acceptedEvents.get();
    }

    long acceptedDeliveries() {
        return acceptedDeliveries.get();
    }

    long failures() {
        return failures.get();
    }

    Percentiles responseTimes() {
        return Percentiles.ofNanos(responseNanos);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("deliveries not answered within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
