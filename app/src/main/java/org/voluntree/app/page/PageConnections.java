package org.voluntree.app.page;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.facebook.TokenInfo;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * Connects pages to organisations: checks the token with {@code debug_token}, reads the page's
 * name with it, subscribes the app to the page's webhooks, and stores the token encrypted.
 */
@Service
@ConditionalOnRole({Role.WEB, Role.WORKERS, Role.SCHEDULER})
public class PageConnections {

    private static final Logger log = LoggerFactory.getLogger(PageConnections.class);

    private final GraphApi graph;
    private final PageTokens pages;

    PageConnections(GraphApi graph, PageTokens pages) {
        this.graph = graph;
        this.pages = pages;
    }

    /** Connects the page a pasted page token belongs to (development and manual setups). */
    public ConnectedPage connectWithToken(long organisationId, String pageToken) {
        TokenInfo info = graph.debugToken(pageToken);
        if (!info.valid()) {
            throw PageConnectionException.because(
                    "Facebook says the token is not valid" + (info.error() == null ? "" : ": " + info.error()));
        }
        if (!"PAGE".equalsIgnoreCase(info.type()) || info.profileId() == null) {
            throw PageConnectionException.because(
                    "the token is a " + info.type() + " token; paste a page access token (or use the Facebook login)");
        }
        return connect(organisationId, new PageAccess(info.profileId(), pageToken));
    }

    /** Completes the Facebook login dialog: exchanges the code and connects every page the admin granted. */
    public List<ConnectedPage> connectWithCode(long organisationId, String code, String redirectUri) {
        String userToken = graph.exchangeCode(code, redirectUri);
        List<ConnectedPage> connected = new ArrayList<>();
        for (GraphApi.PageGrant grant : graph.managedPages(userToken)) {
            connected.add(connect(organisationId, new PageAccess(grant.pageId(), grant.token())));
        }
        return connected;
    }

    private ConnectedPage connect(long organisationId, PageAccess page) {
        String name = graph.pageName(page);
        graph.subscribe(page);
        if (!pages.store(organisationId, page.pageId(), name, page.token(), true)) {
            throw PageConnectionException.because(
                    "page " + page.pageId() + " is connected to another organisation of this installation;"
                            + " a page serves one organisation (its operator can tell which)");
        }
        log.info(
                "Connected page {} ({}) to organisation {} and subscribed to its webhooks",
                page.pageId(),
                name,
                organisationId);
        return pages.find(page.pageId()).orElseThrow();
    }
}
