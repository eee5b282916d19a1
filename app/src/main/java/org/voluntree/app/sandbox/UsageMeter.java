package org.voluntree.app.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rate-limit bookkeeping: calls per app and per page in a sliding window, turned into the usage
 * percentages of {@code X-App-Usage} and {@code X-Page-Usage}; usage set by hand; and forced
 * rate-limit failures (the next N calls fail with code 4, 32 or 613; of one method and path, if named).
 */
final class UsageMeter {

    /** The three percentages Facebook reports. */
    record Usage(int callCount, int totalCputime, int totalTime) {

        static final Usage FULL = new Usage(100, 100, 100);
    }

    /** What one call costs and gets: usage for the headers, and the failure it must answer with, if any. */
    record Metered(Usage app, Usage page, GraphApiException failure) {}

    /** {@code method} and {@code pathPart} null for any call. */
    private record ForcedFailure(int code, String pageId, String method, String pathPart, int[] remaining) {

        boolean matches(String callPageId, String callMethod, String callPath) {
            return (pageId == null || pageId.equals(callPageId))
                    && (method == null || method.equalsIgnoreCase(callMethod))
                    && (pathPart == null || (callPath != null && callPath.contains(pathPart)));
        }
    }

    private final Clock clock;
    private final Duration window;
    private final int callsPerWindow;
    private final Deque<Instant> appCalls = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> pageCalls = new HashMap<>();
    private final List<ForcedFailure> forced = new ArrayList<>();
    private Usage appOverride;
    private final Map<String, Usage> pageOverrides = new HashMap<>();

    UsageMeter(Clock clock, Duration window, int callsPerWindow) {
        this.clock = clock;
        this.window = window;
        this.callsPerWindow = callsPerWindow;
    }

    /**
     * Counts a call (made with a page token when {@code pageId} is set) and says how it must be answered.
     * A call already refused for another reason counts but does not use up a forced failure.
     */
    synchronized Metered call(String pageId, boolean takeForcedFailure) {
        return call(pageId, null, null, takeForcedFailure);
    }

    /** As above, for a call of this method and path, which a forced failure may name. */
    synchronized Metered call(String pageId, String method, String path, boolean takeForcedFailure) {
        Instant now = clock.instant();
        appCalls.addLast(now);
        if (pageId != null) {
            pageCalls.computeIfAbsent(pageId, p -> new ArrayDeque<>()).addLast(now);
        }
        GraphApiException failure = takeForcedFailure ? takeForcedFailure(pageId, method, path) : null;
        Usage app = appOverride != null ? appOverride : computed(appCalls, now);
        Usage page = pageId == null ? null : pageOverrides.getOrDefault(pageId, computed(pageCalls.get(pageId), now));
        if (failure != null) {
            if (failure.code() == 32) {
                page = Usage.FULL;
            } else if (failure.code() == 613 && page != null) {
                page = Usage.FULL;
            } else {
                app = Usage.FULL;
            }
        }
        return new Metered(app, page, failure);
    }

    /** The next {@code count} matching calls fail with the given rate-limit code. */
    synchronized void force(int code, String pageId, int count) {
        force(code, pageId, count, null, null);
    }

    /** As above, of the calls of {@code method} whose path contains {@code pathPart} (each null for any). */
    synchronized void force(int code, String pageId, int count, String method, String pathPart) {
        if (code != 4 && code != 32 && code != 613) {
            throw new IllegalArgumentException("code must be 4 (app), 32 (page) or 613 (call rate)");
        }
        if (code == 32 && pageId == null) {
            throw new IllegalArgumentException("code 32 is a page-level limit: name the pageId");
        }
        forced.add(new ForcedFailure(code, code == 4 ? null : pageId, method, pathPart, new int[] {count}));
    }

    /** Sets the usage reported for the app ({@code pageId} null) or a page; null usage goes back to counting. */
    synchronized void override(String pageId, Usage usage) {
        if (pageId == null) {
            appOverride = usage;
        } else if (usage == null) {
            pageOverrides.remove(pageId);
        } else {
            pageOverrides.put(pageId, usage);
        }
    }

    synchronized void reset() {
        appCalls.clear();
        pageCalls.clear();
        forced.clear();
        appOverride = null;
        pageOverrides.clear();
    }

    private GraphApiException takeForcedFailure(String pageId, String method, String path) {
        for (Iterator<ForcedFailure> it = forced.iterator(); it.hasNext(); ) {
            ForcedFailure f = it.next();
            if (!f.matches(pageId, method, path)) {
                continue;
            }
            if (--f.remaining()[0] <= 0) {
                it.remove();
            }
            return switch (f.code()) {
                case 4 -> GraphApiException.appRateLimit();
                case 32 -> GraphApiException.pageRateLimit();
                default -> GraphApiException.callRateLimit();
            };
        }
        return null;
    }

    private Usage computed(Deque<Instant> calls, Instant now) {
        Instant oldest = now.minus(window);
        while (!calls.isEmpty() && calls.peekFirst().isBefore(oldest)) {
            calls.pollFirst();
        }
        int callCount = (int) Math.min(100, Math.ceil(calls.size() * 100.0 / callsPerWindow));
        // the sandbox does no real work: CPU and wall time are reported as fixed shares of the call count
        return new Usage(callCount, callCount * 2 / 5, callCount * 3 / 5);
    }
}
