package org.voluntree.app.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voluntree.app.sandbox.SandboxGraph.Page;
import org.voluntree.app.sandbox.TokenRegistry.Inspection;
import org.voluntree.app.sandbox.TokenRegistry.Issued;

/**
 * Tokens and the app's relation to pages: {@code GET /oauth/access_token} (code exchange, client
 * credentials, long-lived exchange), {@code GET /me/accounts}, {@code GET /debug_token} and
 * {@code GET|POST|DELETE /{page}/subscribed_apps}.
 */
final class AccountEndpoints {

    static final String SANDBOX_USER_ID = "100000000000777";
    static final String SANDBOX_USER_NAME = "Sandbox Admin";
    static final List<String> WEBHOOK_FIELDS = List.of(
            "feed",
            "messages",
            "messaging_postbacks",
            "message_echoes",
            "message_deliveries",
            "message_reads",
            "messaging_optins",
            "messaging_referrals",
            "messaging_handovers",
            "messaging_policy_enforcement",
            "message_reactions",
            "mention");

    private final SandboxProperties properties;
    private final TokenRegistry tokens;
    private final SandboxGraph graph;

    AccountEndpoints(SandboxProperties properties, TokenRegistry tokens, SandboxGraph graph) {
        this.properties = properties;
        this.tokens = tokens;
        this.graph = graph;
    }

    Map<String, Object> accessToken(GraphRequest request) {
        String grant = request.param("grant_type");
        Map<String, Object> body = new LinkedHashMap<>();
        if ("client_credentials".equals(grant)) {
            tokens.checkClient(request.required("client_id"), request.required("client_secret"));
            body.put("access_token", tokens.appToken());
            body.put("token_type", "bearer");
            return body;
        }
        String token;
        if ("fb_exchange_token".equals(grant)) {
            token = tokens.exchangeForLongLived(
                    request.required("client_id"),
                    request.required("client_secret"),
                    request.required("fb_exchange_token"));
        } else {
            token = tokens.exchangeCode(
                    request.required("client_id"),
                    request.required("client_secret"),
                    request.required("redirect_uri"),
                    request.required("code"));
        }
        body.put("access_token", token);
        body.put("token_type", "bearer");
        body.put("expires_in", TokenRegistry.USER_TOKEN_LIFETIME.toSeconds());
        return body;
    }

    Map<String, Object> me(Caller caller) {
        if (caller.kind() == Caller.Kind.USER) {
            return Map.of("id", caller.userId(), "name", SANDBOX_USER_NAME);
        }
        Page page = graph.page(caller.pageId()).orElseThrow(() -> GraphApiException.unknownObject("me", "GET"));
        return Map.of("id", page.id(), "name", page.name());
    }

    Map<String, Object> accounts(Caller caller) {
        if (caller.kind() != Caller.Kind.USER) {
            throw GraphApiException.unknownEdge("accounts", caller.isPage() ? "Page" : "Application");
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (String pageId : tokens.pagesOf(caller.userId())) {
            graph.page(pageId).ifPresent(page -> {
                Map<String, Object> account = new LinkedHashMap<>();
                account.put("access_token", tokens.pageTokenFor(page.id(), caller.userId()));
                account.put("category", page.category());
                account.put("category_list", List.of(Map.of("id", "2603", "name", page.category())));
                account.put("name", page.name());
                account.put("id", page.id());
                account.put("tasks", TokenRegistry.PAGE_TASKS);
                data.add(account);
            });
        }
        return Map.of("data", data);
    }

    /** {@code debug_token}: metadata of {@code input_token}; an invalid one is {@code is_valid:false} with an error. */
    Map<String, Object> debugToken(GraphRequest request) {
        String input = request.required("input_token");
        Inspection inspection = tokens.inspect(input);
        Map<String, Object> data = new LinkedHashMap<>();
        if (inspection.kind() == null) {
            // the error goes last, after the caller's app: RestFB reads an "error" key within the first 50
            // characters of any body as a failed call
            data.put("app_id", properties.appId());
            data.put("application", properties.appName());
            data.put("is_valid", false);
            data.put("scopes", List.of());
            data.put(
                    "error", Map.of("code", 190, "message", inspection.problem().getMessage()));
            return Map.of("data", data);
        }
        data.put("app_id", properties.appId());
        data.put("type", inspection.kind().name());
        data.put("application", properties.appName());
        Issued issued = inspection.issued();
        if (issued != null) {
            data.put(
                    "data_access_expires_at",
                    issued.issuedAt().plus(Duration.ofDays(90)).getEpochSecond());
            data.put(
                    "expires_at",
                    issued.expiresAt() == null ? 0 : issued.expiresAt().getEpochSecond());
        }
        data.put("is_valid", inspection.problem() == null);
        if (issued != null) {
            data.put("issued_at", issued.issuedAt().getEpochSecond());
            if (issued.pageId() != null) {
                data.put("profile_id", issued.pageId());
            }
            List<String> scopes = TokenRegistry.PAGE_SCOPES;
            data.put("scopes", scopes);
            List<String> targets = issued.pageId() != null ? List.of(issued.pageId()) : tokens.pagesOf(issued.userId());
            data.put(
                    "granular_scopes",
                    scopes.stream()
                            .filter(s -> s.startsWith("pages_") && !s.equals("pages_show_list"))
                            .map(s -> Map.of("scope", s, "target_ids", targets))
                            .toList());
            if (issued.userId() != null) {
                data.put("user_id", issued.userId());
            }
        } else {
            data.put("scopes", List.of());
        }
        if (inspection.problem() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", 190);
            error.put("message", inspection.problem().getMessage());
            error.put("subcode", inspection.problem().subcode());
            data.put("error", error);
        }
        return Map.of("data", data);
    }

    Map<String, Object> subscribe(Page page, GraphRequest request) {
        String value = request.required("subscribed_fields");
        List<String> fields = new ArrayList<>();
        String list = value.strip();
        if (list.startsWith("[")) {
            list = list.substring(1, list.length() - 1).replace("\"", "");
        }
        for (String field : list.split(",")) {
            String name = field.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!WEBHOOK_FIELDS.contains(name)) {
                throw GraphApiException.invalidParameter("Param subscribed_fields[" + fields.size() + "] must be one "
                        + "of " + WEBHOOK_FIELDS + " - got \"" + name + "\".");
            }
            if (!fields.contains(name)) {
                fields.add(name);
            }
        }
        if (fields.isEmpty()) {
            throw GraphApiException.missingParameter("subscribed_fields");
        }
        graph.subscribe(page.id(), fields);
        return Map.of("success", true);
    }

    Map<String, Object> subscribedApps(Page page) {
        return Map.of(
                "data",
                graph.subscribedFields(page.id())
                        .map(fields -> {
                            Map<String, Object> app = new LinkedHashMap<>();
                            app.put("category", "Business");
                            app.put("link", "https://voluntree.example/");
                            app.put("name", properties.appName());
                            app.put("id", properties.appId());
                            app.put("subscribed_fields", fields);
                            return List.of(app);
                        })
                        .orElse(List.of()));
    }

    Map<String, Object> unsubscribe(Page page) {
        graph.unsubscribe(page.id());
        return Map.of("success", true);
    }

    /** The login dialog's grant: every sandbox page, or the ones named. */
    String authorize(String redirectUri, Set<String> pageIds) {
        Set<String> granted = pageIds.isEmpty()
                ? new LinkedHashSet<>(graph.pages().stream().map(Page::id).toList())
                : pageIds;
        return tokens.issueCode(SANDBOX_USER_ID, redirectUri, granted);
    }
}
