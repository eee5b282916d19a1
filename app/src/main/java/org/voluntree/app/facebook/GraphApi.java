package org.voluntree.app.facebook;

import com.restfb.Connection;
import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.exception.FacebookOAuthException;
import com.restfb.json.JsonObject;
import com.restfb.json.JsonValue;
import com.restfb.types.DebugTokenInfo;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * Every call Voluntree makes to the Graph API. Each call uses RestFB's {@link DefaultFacebookClient}
 * with the app secret (so every request carries {@code appsecret_proof}) against the configured
 * endpoint base, checks and records usage through {@link GraphUsageGuard}, retries transient
 * failures with jitter, and throws one of the {@link GraphException} subclasses otherwise.
 */
@Component
@ConditionalOnRole({Role.WEB, Role.WORKERS, Role.SCHEDULER})
public class GraphApi {

    private static final Logger log = LoggerFactory.getLogger(GraphApi.class);

    /** Error codes that mean the access token itself is no good (expired, revoked, password changed...). */
    private static final Set<Integer> TOKEN_ERRORS = Set.of(190, 102, 463, 467);
    /** Error codes of Facebook's rate limits (app, user, page, API-specific, business use case). */
    private static final Set<Integer> RATE_LIMIT_ERRORS =
            Set.of(4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014);
    /** Error codes Facebook documents as temporary. */
    private static final Set<Integer> TRANSIENT_ERRORS = Set.of(1, 2);

    private static final DateTimeFormatter FACEBOOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    static final List<String> PAGE_FIELDS = List.of("feed", "messages", "messaging_postbacks", "message_echoes");

    private final FacebookProperties properties;
    private final GraphUsageGuard usage;
    private final Version version;
    private final FacebookEndpoints endpoints;

    GraphApi(FacebookProperties properties, GraphUsageGuard usage) {
        if (properties.appId() == null
                || properties.appId().isBlank()
                || properties.appSecret() == null
                || properties.appSecret().isBlank()) {
            throw new IllegalStateException("set VOLUNTREE_FACEBOOK_APP_ID and VOLUNTREE_FACEBOOK_APP_SECRET (or "
                    + "VOLUNTREE_WEBHOOK_APP_SECRET): the web, workers and scheduler roles call the Graph API");
        }
        this.properties = properties;
        this.usage = usage;
        this.version = Version.getVersionFromString(properties.apiVersion());
        String base = properties.graphUrl().replaceAll("/+$", "");
        this.endpoints = new FacebookEndpoints() {
            @Override
            public String getGraphEndpoint() {
                return base;
            }
        };
    }

    /** Publishes a text (or link) post now, or unpublished and scheduled when {@code scheduledAt} is set. */
    public String publishPost(PageAccess page, String message, String link, Instant scheduledAt) {
        List<Parameter> params = new ArrayList<>(List.of(Parameter.with("message", message)));
        if (link != null) {
            params.add(Parameter.with("link", link));
        }
        addSchedule(params, scheduledAt);
        JsonObject result = callOnce(
                page,
                "publish a post",
                client -> client.publish(page.pageId() + "/feed", JsonObject.class, params.toArray(Parameter[]::new)));
        return result.getString("id", null);
    }

    /** Publishes a photo post from a URL, now or scheduled. Returns the post id. */
    public String publishPhoto(PageAccess page, String caption, String photoUrl, Instant scheduledAt) {
        List<Parameter> params =
                new ArrayList<>(List.of(Parameter.with("url", photoUrl), Parameter.with("caption", caption)));
        addSchedule(params, scheduledAt);
        JsonObject result = callOnce(
                page,
                "publish a photo",
                client ->
                        client.publish(page.pageId() + "/photos", JsonObject.class, params.toArray(Parameter[]::new)));
        return result.getString("post_id", result.getString("id", null));
    }

    /** Changes a published post's text (the same text again changes nothing, so it may be repeated). */
    public void editPost(PageAccess page, String postId, String message) {
        call(
                page,
                "edit a post",
                client -> client.publish(postId, JsonObject.class, Parameter.with("message", message)));
    }

    /** Replies publicly under a comment. Returns the reply's comment id. */
    public String replyPublicly(PageAccess page, String commentId, String message) {
        JsonObject result = callOnce(
                page,
                "reply to a comment",
                client ->
                        client.publish(commentId + "/comments", JsonObject.class, Parameter.with("message", message)));
        return result.getString("id", null);
    }

    /** The one private reply Facebook allows per comment (within 7 days of it). Returns the message id. */
    public String replyPrivately(PageAccess page, String commentId, OutgoingMessage message) {
        return send(page, "{\"comment_id\":\"" + jsonEscape(commentId) + "\"}", message, "RESPONSE", null);
    }

    /**
     * Sends a Messenger message to a person (page-scoped id). Inside the 24-hour window use
     * {@code RESPONSE} and no tag; outside it only a {@code MESSAGE_TAG} with an allowed tag.
     */
    public String sendMessage(PageAccess page, String psid, OutgoingMessage message, String tag) {
        return send(
                page, "{\"id\":\"" + jsonEscape(psid) + "\"}", message, tag == null ? "RESPONSE" : "MESSAGE_TAG", tag);
    }

    private String send(PageAccess page, String recipient, OutgoingMessage message, String type, String tag) {
        List<Parameter> params = new ArrayList<>(List.of(
                Parameter.with("recipient", recipient),
                Parameter.with("message", message.toJson()),
                Parameter.with("messaging_type", type)));
        if (tag != null) {
            params.add(Parameter.with("tag", tag));
        }
        JsonObject result = callOnce(
                page,
                "send a message",
                client -> client.publish(
                        page.pageId() + "/messages", JsonObject.class, params.toArray(Parameter[]::new)));
        return result.getString("message_id", null);
    }

    /** Subscribes the app to the page's feed and Messenger webhooks. */
    public void subscribe(PageAccess page) {
        call(
                page,
                "subscribe the app",
                client -> client.publish(
                        page.pageId() + "/subscribed_apps",
                        JsonObject.class,
                        Parameter.with("subscribed_fields", String.join(",", PAGE_FIELDS))));
    }

    /** Asks Facebook what it thinks of a token, with the app's own token. */
    public TokenInfo debugToken(String token) {
        String appToken = properties.appId() + "|" + properties.appSecret();
        DebugTokenInfo info = call(null, appToken, "check a token", client -> client.debugToken(token));
        return new TokenInfo(
                info.isValid(),
                info.getType(),
                info.getAppId(),
                info.getProfileId(),
                info.getExpiresAt() == null ? null : info.getExpiresAt().toInstant(),
                info.getScopes() == null ? List.of() : List.copyOf(info.getScopes()),
                info.getDebugTokenError() == null
                        ? null
                        : info.getDebugTokenError().getMessage());
    }

    /** The page's name, read with its own token (which also proves the token works for the page). */
    public String pageName(PageAccess page) {
        JsonObject result = call(
                page,
                "read the page",
                client -> client.fetchObject(page.pageId(), JsonObject.class, Parameter.with("fields", "id,name")));
        return result.getString("name", page.pageId());
    }

    /** Exchanges the code of the OAuth login dialog for a user access token. */
    public String exchangeCode(String code, String redirectUri) {
        return call(
                        null,
                        null,
                        "exchange a login code",
                        client -> client.obtainUserAccessToken(
                                properties.appId(), properties.appSecret(), redirectUri, code))
                .getAccessToken();
    }

    /** The pages a user manages, each with its page access token. */
    public List<PageGrant> managedPages(String userToken) {
        List<PageGrant> pages = new ArrayList<>();
        for (JsonObject p : pages(
                null,
                userToken,
                "list the user's pages",
                "me/accounts",
                500,
                Parameter.with("fields", "id,name,access_token"))) {
            pages.add(new PageGrant(
                    p.getString("id", null), p.getString("name", null), p.getString("access_token", null)));
        }
        return pages;
    }

    /** A page a user granted, with its page token. */
    public record PageGrant(String pageId, String name, String token) {

        @Override
        public String toString() {
            return "PageGrant[pageId=" + pageId + ", name=" + name + ", token=<hidden>]";
        }
    }

    /**
     * The page's posts published since {@code since}, newest first, at most {@code max}: how an
     * interrupted publish finds out whether Facebook took the post before the answer was lost.
     */
    public List<GraphPost> publishedPostsSince(PageAccess page, Instant since, int max) {
        List<GraphPost> posts = new ArrayList<>();
        for (JsonObject p : pages(
                page.pageId(),
                page.token(),
                "read published posts",
                page.pageId() + "/published_posts",
                max,
                Parameter.with("since", since.getEpochSecond()),
                Parameter.with("fields", "id,message,created_time"))) {
            String created = p.getString("created_time", null);
            posts.add(new GraphPost(
                    p.getString("id", null),
                    p.getString("message", null),
                    created == null
                            ? null
                            : OffsetDateTime.parse(created, FACEBOOK_TIME).toInstant()));
        }
        return posts;
    }

    /** Comments of a post newer than {@code since}, newest first, following the pages of the result. */
    public List<GraphComment> commentsSince(PageAccess page, String postId, Instant since, int max) {
        List<GraphComment> comments = new ArrayList<>();
        for (JsonObject c : pages(
                page.pageId(),
                page.token(),
                "read comments",
                postId + "/comments",
                max,
                Parameter.with("filter", "stream"),
                Parameter.with("order", "reverse_chronological"),
                Parameter.with("since", since.getEpochSecond()),
                Parameter.with("fields", "id,message,from,created_time,parent"))) {
            comments.add(comment(postId, c));
        }
        return comments;
    }

    /**
     * The latest messages (at most {@code max}, newest first) of the page's Messenger conversation with a
     * person, both ways: what a retry reads to learn whether a message it is about to send went out.
     */
    public List<GraphMessage> conversationWith(PageAccess page, String psid, int max) {
        JsonObject result = call(
                page,
                "read a conversation",
                client -> client.fetchObject(
                        page.pageId() + "/conversations",
                        JsonObject.class,
                        Parameter.with("platform", "messenger"),
                        Parameter.with("user_id", psid),
                        Parameter.with("fields", "messages.limit(" + max + "){message,from,created_time}")));
        List<GraphMessage> messages = new ArrayList<>();
        JsonValue conversations = result.get("data");
        if (conversations == null
                || !conversations.isArray()
                || conversations.asArray().isEmpty()) {
            return messages;
        }
        JsonValue list = conversations.asArray().get(0).asObject().get("messages");
        JsonValue data = list != null && list.isObject() ? list.asObject().get("data") : null;
        if (data == null || !data.isArray()) {
            return messages;
        }
        for (JsonValue value : data.asArray()) {
            JsonObject m = value.asObject();
            JsonValue from = m.get("from");
            String created = m.getString("created_time", null);
            messages.add(new GraphMessage(
                    m.getString("id", null),
                    m.getString("message", null),
                    from != null && from.isObject() ? from.asObject().getString("id", null) : null,
                    created == null
                            ? null
                            : OffsetDateTime.parse(created, FACEBOOK_TIME).toInstant()));
        }
        return messages;
    }

    /** Hides or unhides a comment on the page. */
    public void setCommentHidden(PageAccess page, String commentId, boolean hidden) {
        call(
                page,
                hidden ? "hide a comment" : "unhide a comment",
                client -> client.publish(commentId, JsonObject.class, Parameter.with("is_hidden", hidden)));
    }

    /** Deletes a comment from the page. */
    public void deleteComment(PageAccess page, String commentId) {
        call(page, "delete a comment", client -> client.deleteObject(commentId));
    }

    /**
     * Reads a connection page by page with the {@code after} cursor (not the {@code next} URL,
     * which RestFB rewrites to https), each page a call of its own, up to {@code max} items.
     */
    private List<JsonObject> pages(
            String pageId, String token, String what, String connection, int max, Parameter... parameters) {
        List<JsonObject> items = new ArrayList<>();
        String after = null;
        do {
            List<Parameter> params = new ArrayList<>(List.of(parameters));
            params.add(Parameter.with("limit", Math.min(100, max - items.size())));
            if (after != null) {
                params.add(Parameter.with("after", after));
            }
            Connection<JsonObject> page = call(
                    pageId,
                    token,
                    what,
                    client -> client.fetchConnection(connection, JsonObject.class, params.toArray(Parameter[]::new)));
            items.addAll(page.getData());
            after = page.hasNext() ? page.getAfterCursor() : null;
        } while (after != null && items.size() < max);
        return items.size() > max ? items.subList(0, max) : items;
    }

    private static GraphComment comment(String postId, JsonObject c) {
        JsonValue from = c.get("from");
        JsonValue parent = c.get("parent");
        String created = c.getString("created_time", null);
        return new GraphComment(
                c.getString("id", null),
                postId,
                parent != null && parent.isObject() ? parent.asObject().getString("id", null) : null,
                from != null && from.isObject() ? from.asObject().getString("id", null) : null,
                from != null && from.isObject() ? from.asObject().getString("name", null) : null,
                c.getString("message", null),
                created == null
                        ? null
                        : OffsetDateTime.parse(created, FACEBOOK_TIME).toInstant());
    }

    private static void addSchedule(List<Parameter> params, Instant scheduledAt) {
        if (scheduledAt != null) {
            params.add(Parameter.with("published", false));
            params.add(Parameter.with("scheduled_publish_time", scheduledAt.getEpochSecond()));
        }
    }

    private <T> T call(PageAccess page, String what, Function<FacebookClient, T> request) {
        return call(page.pageId(), page.token(), what, true, request);
    }

    private <T> T call(String pageId, String token, String what, Function<FacebookClient, T> request) {
        return call(pageId, token, what, true, request);
    }

    /**
     * A call that creates something on Facebook (a comment, a message, a post): doing it twice is not the
     * same as once, so a request that may have reached Facebook is never repeated here.
     */
    private <T> T callOnce(PageAccess page, String what, Function<FacebookClient, T> request) {
        return call(page.pageId(), page.token(), what, false, request);
    }

    private <T> T call(
            String pageId, String token, String what, boolean repeatable, Function<FacebookClient, T> request) {
        usage.checkNotPaused(pageId);
        for (int attempt = 0; ; attempt++) {
            DefaultWebRequestor requestor = new DefaultWebRequestor() {
                @Override
                protected void customizeConnection(HttpURLConnection connection) {
                    connection.setReadTimeout(
                            Math.toIntExact(properties.readTimeout().toMillis()));
                }
            };
            DefaultFacebookClient client = new DefaultFacebookClient(
                    token, properties.appSecret(), requestor, new DefaultJsonMapper(), version);
            client.setFacebookEndpointUrls(endpoints);
            try {
                T result = request.apply(client);
                usage.record(pageId, requestor.getDebugHeaderInfo());
                return result;
            } catch (FacebookOAuthException e) {
                usage.record(pageId, requestor.getDebugHeaderInfo());
                if (TOKEN_ERRORS.contains(e.getErrorCode())) {
                    throw new PageTokenInvalidException(
                            pageId == null ? "(app)" : pageId, e.getErrorCode(), e.getErrorMessage(), e);
                }
                throw rejectedOrRateLimited(pageId, what, e);
            } catch (FacebookGraphException e) {
                usage.record(pageId, requestor.getDebugHeaderInfo());
                if (RATE_LIMIT_ERRORS.contains(e.getErrorCode())) {
                    // Facebook marks these transient too, but retrying at once only digs the hole deeper
                    throw rejectedOrRateLimited(pageId, what, e);
                }
                boolean transientError = Boolean.TRUE.equals(e.getIsTransient())
                        || TRANSIENT_ERRORS.contains(e.getErrorCode())
                        || (e.getHttpStatusCode() != null && e.getHttpStatusCode() >= 500);
                if (!transientError) {
                    throw rejectedOrRateLimited(pageId, what, e);
                }
                if (attempt >= properties.transientRetries()) {
                    throw new GraphUnavailableException(
                            "Facebook could not " + what + " (code " + e.getErrorCode() + "): " + e.getErrorMessage(),
                            e.getErrorCode(),
                            e);
                }
                pauseWithJitter(attempt, what, e.getErrorMessage());
            } catch (FacebookNetworkException e) {
                if (!repeatable && !neverSent(e)) {
                    throw new GraphOutcomeUnknownException(
                            "Facebook did not answer whether it did " + what + " (" + e.getMessage()
                                    + "); it may have, so it was not repeated",
                            e);
                }
                if (attempt >= properties.transientRetries()) {
                    throw new GraphUnavailableException(
                            "Facebook could not be reached to " + what + ": " + e.getMessage(), null, e);
                }
                pauseWithJitter(attempt, what, e.getMessage());
            }
        }
    }

    /** Whether the request never left (no connection was made): then repeating it cannot do anything twice. */
    private static boolean neverSent(FacebookNetworkException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private GraphException rejectedOrRateLimited(String pageId, String what, FacebookGraphException e) {
        if (RATE_LIMIT_ERRORS.contains(e.getErrorCode())) {
            usage.pause(e.getErrorCode() == 32 && pageId != null ? pageId : GraphUsageGuard.APP, 100);
            return new GraphRateLimitedException(
                    "Facebook's rate limit (code " + e.getErrorCode() + ") stopped a call to " + what,
                    e.getErrorCode(),
                    properties.usagePause(),
                    e);
        }
        return new GraphRequestRejectedException(
                "Facebook refused to " + what + " (code " + e.getErrorCode()
                        + (e.getErrorSubcode() == null ? "" : "/" + e.getErrorSubcode()) + "): " + e.getErrorMessage(),
                e.getErrorCode(),
                e.getErrorSubcode(),
                e);
    }

    private static void pauseWithJitter(int attempt, String what, String reason) {
        long base = 200L << attempt;
        long wait = base / 2 + ThreadLocalRandom.current().nextLong(base);
        log.warn("Transient Graph API failure trying to {} ({}); retrying in {} ms", what, reason, wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphUnavailableException("interrupted while waiting to retry", null, e);
        }
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
