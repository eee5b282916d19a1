package org.voluntree.app.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.GraphException;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.facebook.TokenInfo;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** The scheduler's periodic {@code debug_token} check of every page token. */
@Component
@ConditionalOnRole(Role.SCHEDULER)
public class PageTokenHealthCheck {

    private static final Logger log = LoggerFactory.getLogger(PageTokenHealthCheck.class);

    private final GraphApi graph;
    private final PageTokens pages;
    private final PageAlerts alerts;

    PageTokenHealthCheck(GraphApi graph, PageTokens pages, PageAlerts alerts) {
        this.graph = graph;
        this.pages = pages;
        this.alerts = alerts;
    }

    /** Checks every page token now; the scheduler calls it every {@code voluntree.facebook.token-check-every}. */
    @Scheduled(fixedDelayString = "${voluntree.facebook.token-check-every}", initialDelayString = "PT30S")
    public void checkAll() {
        for (ConnectedPage page : pages.withTokens()) {
            check(page.pageId());
        }
    }

    /** Checks one page's token and records the outcome. */
    void check(String pageId) {
        try {
            PageAccess access = pages.access(pageId);
            TokenInfo info = graph.debugToken(access.token());
            if (info.valid()) {
                pages.markValid(pageId);
            } else {
                alerts.tokenRefused(
                        pageId, info.error() == null ? "debug_token says the token is not valid" : info.error());
            }
        } catch (GraphException | IllegalStateException e) {
            log.warn("Could not check the token of page {}: {}", pageId, e.getMessage());
        }
    }
}
