package org.voluntree.app.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Answers held back on purpose: a matching Graph call is carried out and recorded like any other,
 * then its answer waits until released (or for at most the hold's duration). That is the call
 * Facebook completed while the caller never heard back — the caller died, or the network dropped the
 * answer — which is what "killed mid-send" means for an effect that must happen exactly once.
 */
final class ResponseHolds {

    /** The next {@code remaining} calls whose path contains {@code pathPart} (and of {@code method}, if set). */
    private static final class Rule {
        private final String pathPart;
        private final String method;
        private final Duration atMost;
        private int remaining;

        Rule(String pathPart, String method, int count, Duration atMost) {
            this.pathPart = pathPart;
            this.method = method;
            this.remaining = count;
            this.atMost = atMost;
        }

        boolean matches(String requestMethod, String path) {
            return remaining > 0
                    && (pathPart == null || path.contains(pathPart))
                    && (method == null || method.equalsIgnoreCase(requestMethod));
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private CountDownLatch release = new CountDownLatch(1);
    private int waiting;

    synchronized void add(String pathPart, String method, int count, Duration atMost) {
        rules.add(new Rule(pathPart, method, count, atMost));
    }

    /** Blocks the calling request thread when a rule matches, until released or the rule's time is up. */
    void holdIfMatching(String method, String path) {
        CountDownLatch latch;
        Duration atMost;
        synchronized (this) {
            Rule rule = rules.stream()
                    .filter(r -> r.matches(method, path))
                    .findFirst()
                    .orElse(null);
            if (rule == null) {
                return;
            }
            rule.remaining--;
            if (rule.remaining == 0) {
                rules.remove(rule);
            }
            latch = release;
            atMost = rule.atMost;
            waiting++;
        }
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                waiting--;
            }
        }
    }

    /** Answers every held call now and forgets the rules not used up; returns how many calls were waiting. */
    synchronized int releaseAll() {
        int released = waiting;
        rules.clear();
        release.countDown();
        release = new CountDownLatch(1);
        return released;
    }

    synchronized int waiting() {
        return waiting;
    }
}
