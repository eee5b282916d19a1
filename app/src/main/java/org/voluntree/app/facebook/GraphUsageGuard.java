package org.voluntree.app.facebook;

import com.restfb.DebugHeaderInfo;
import com.restfb.DebugHeaderInfo.HeaderUsage;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Backs off before Facebook's limits: after every call it reads the {@code X-App-Usage} and
 * {@code X-Page-Usage} percentages, and when one reaches the threshold it pauses calls for the
 * app or the page, in Redis, so that every node and worker pauses together.
 */
@Component
@ConditionalOnRole({Role.WEB, Role.WORKERS, Role.SCHEDULER})
class GraphUsageGuard {

    private static final Logger log = LoggerFactory.getLogger(GraphUsageGuard.class);
    static final String APP = "app";

    private final StatefulRedisConnection<String, byte[]> redis;
    private final FacebookProperties properties;

    GraphUsageGuard(StatefulRedisConnection<String, byte[]> redis, FacebookProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Throws {@link GraphRateLimitedException} while calls for the app or the page are paused. */
    void checkNotPaused(String pageId) {
        long remaining =
                Math.max(pttl(RedisNames.graphPause(APP)), pageId == null ? -1 : pttl(RedisNames.graphPause(pageId)));
        if (remaining > 0) {
            throw new GraphRateLimitedException(
                    "Graph API calls are paused near the usage limit", null, Duration.ofMillis(remaining), null);
        }
    }

    /** Reads the usage headers of the last response and pauses when a limit is near. */
    void record(String pageId, DebugHeaderInfo headers) {
        if (headers == null) {
            return;
        }
        int app = percentage(headers.getAppUsage());
        int page = percentage(headers.getPageUsage());
        if (app >= properties.usageThreshold()) {
            pause(APP, app);
        }
        if (pageId != null && page >= properties.usageThreshold()) {
            pause(pageId, page);
        }
    }

    /** Pauses calls for a page (or the whole app) after Facebook refused one for its rate limit. */
    void pause(String scope, int percentage) {
        redis.sync()
                .set(
                        RedisNames.graphPause(scope),
                        Integer.toString(percentage).getBytes(StandardCharsets.UTF_8),
                        SetArgs.Builder.px(properties.usagePause().toMillis()));
        log.warn("Graph API usage of {} at {}%: pausing its calls for {}", scope, percentage, properties.usagePause());
    }

    private long pttl(String key) {
        Long ttl = redis.sync().pttl(key);
        return ttl == null ? -1 : ttl;
    }

    private static int percentage(HeaderUsage usage) {
        if (usage == null) {
            return 0;
        }
        return Math.max(
                value(usage.getCallCount()), Math.max(value(usage.getTotalTime()), value(usage.getTotalCputime())));
    }

    private static int value(Integer v) {
        return v == null ? 0 : v;
    }
}
