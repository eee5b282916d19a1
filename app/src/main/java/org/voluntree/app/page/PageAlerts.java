package org.voluntree.app.page;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Tells an organisation's admins, live on the dashboard, that a page's token stopped working,
 * and marks the page so that work for it waits until the token is replaced.
 */
@Component
@ConditionalOnRole({Role.WEB, Role.WORKERS, Role.SCHEDULER})
public class PageAlerts {

    private static final Logger log = LoggerFactory.getLogger(PageAlerts.class);
    public static final String NEEDS_REAUTHORISATION = "page.needs_reauthorisation";

    private final PageTokens pages;
    private final StatefulRedisConnection<String, byte[]> redis;

    PageAlerts(PageTokens pages, StatefulRedisConnection<String, byte[]> redis) {
        this.pages = pages;
        this.redis = redis;
    }

    /** Marks the page and, the first time, alerts its organisation. */
    public void tokenRefused(String pageId, String problem) {
        if (!pages.markNeedsReauthorisation(pageId, problem)) {
            return;
        }
        pages.find(pageId).ifPresent(page -> {
            log.warn(
                    "The token of page {} ({}) was refused; its work waits until an admin reconnects it",
                    pageId,
                    page.name());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", NEEDS_REAUTHORISATION);
            event.put("organisationId", page.organisationId());
            event.put("pageId", pageId);
            event.put("pageName", page.name());
            event.put("problem", problem);
            redis.sync().publish(RedisNames.orgEvents(page.organisationId()), Json.write(event));
        });
    }
}
