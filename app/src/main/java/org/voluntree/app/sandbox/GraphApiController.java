package org.voluntree.app.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.sandbox.SandboxGraph.Comment;
import org.voluntree.app.sandbox.SandboxGraph.Page;
import org.voluntree.app.sandbox.SandboxGraph.Post;
import org.voluntree.app.sandbox.UsageMeter.Metered;
import org.voluntree.contracts.event.Json;

/**
 * The Graph API emulation, {@code /sandbox/graph/[vNN.N/]...}: authenticates the token, checks
 * {@code appsecret_proof}, meters the call (usage headers, forced rate limits), routes it, answers
 * errors in Facebook's shape, and records it.
 */
@ConditionalOnSandbox
@RestController
class GraphApiController {

    private static final Logger log = LoggerFactory.getLogger(GraphApiController.class);

    private final SandboxProperties properties;
    private final String appSecret;
    private final TokenRegistry tokens;
    private final SandboxGraph graph;
    private final UsageMeter usage;
    private final RequestLog requests;
    private final ResponseHolds holds;
    private final ContentEndpoints content;
    private final SendApiEndpoint sendApi;
    private final AccountEndpoints accounts;
    private final Clock clock;

    GraphApiController(SandboxProperties properties, SandboxState state, ResponseHolds holds) {
        this.holds = holds;
        this.properties = properties;
        this.appSecret = state.appSecret();
        this.tokens = state.tokens();
        this.graph = state.graph();
        this.usage = state.usage();
        this.requests = state.requests();
        this.clock = state.clock();
        this.content = new ContentEndpoints(graph, state.conversations(), clock);
        this.sendApi = new SendApiEndpoint(graph, state.conversations());
        this.accounts = new AccountEndpoints(properties, tokens, graph);
    }

    @RequestMapping(GraphRequest.BASE + "/**")
    ResponseEntity<String> handle(HttpServletRequest servletRequest) {
        GraphRequest request = null;
        Caller caller = null;
        Metered metered = null;
        Object body;
        HttpStatus status = HttpStatus.OK;
        Integer errorCode = null;
        GraphApiException error = null;
        try {
            request = GraphRequest.from(servletRequest);
            caller = authenticate(request);
            metered = usage.call(
                    caller != null && caller.isPage() ? caller.pageId() : null,
                    request.method(),
                    "/" + request.version() + request.pathText(),
                    true);
            if (metered.failure() != null) {
                throw metered.failure();
            }
            body = route(request, caller);
        } catch (GraphApiException e) {
            error = e;
            status = HttpStatus.BAD_REQUEST;
            errorCode = e.code();
            body = errorBody(e);
            if (metered == null) {
                metered = usage.call(caller != null && caller.isPage() ? caller.pageId() : null, false);
            }
            log.debug("Sandbox Graph call refused with code {}: {}", e.code(), e.getMessage());
        }
        if (request != null) {
            requests.add(
                    clock.instant(),
                    request.method(),
                    "/" + request.version() + request.pathText(),
                    request.recordedParams(),
                    request.token() == null ? null : AccessTokens.fingerprint(request.token()),
                    status.value(),
                    errorCode);
            // done and recorded: the answer may still be held back, as if it never reached the caller
            holds.holdIfMatching(request.method(), "/" + request.version() + request.pathText());
        }
        return respond(status, body, metered, request, error);
    }

    private Caller authenticate(GraphRequest request) {
        if (isTokenExchange(request)) {
            return null;
        }
        if (request.token() == null) {
            throw GraphApiException.noToken();
        }
        Caller caller = tokens.authenticate(request.token());
        String proof = request.param("appsecret_proof");
        if (proof == null) {
            if (properties.requireAppsecretProof()) {
                throw GraphApiException.missingAppsecretProof();
            }
            return caller;
        }
        String time = request.param("appsecret_time");
        String signed = time == null ? request.token() : request.token() + "|" + time;
        if (!AccessTokens.proofMatches(appSecret, signed, proof)) {
            throw GraphApiException.invalidAppsecretProof();
        }
        return caller;
    }

    private static boolean isTokenExchange(GraphRequest request) {
        return request.path().equals(List.of("oauth", "access_token"));
    }

    private Object route(GraphRequest request, Caller caller) {
        List<String> path = request.path();
        String method = request.method();
        if (path.isEmpty()) {
            throw GraphApiException.invalidParameter("Unsupported request: name an object or an edge");
        }
        if (isTokenExchange(request)) {
            return accounts.accessToken(request);
        }
        if (path.equals(List.of("debug_token")) && method.equals("GET")) {
            return accounts.debugToken(request);
        }
        String id = path.get(0);
        if (id.equals("me")) {
            if (caller.kind() == Caller.Kind.APP) {
                throw GraphApiException.activeTokenRequired();
            }
            if (caller.kind() == Caller.Kind.USER) {
                if (path.size() == 1 && method.equals("GET")) {
                    return accounts.me(caller);
                }
                if (path.size() == 2 && path.get(1).equals("accounts") && method.equals("GET")) {
                    return accounts.accounts(caller);
                }
                throw GraphApiException.pageTokenRequired();
            }
            id = caller.pageId();
        }
        if (path.size() > 2) {
            throw GraphApiException.invalidParameter(
                    "Unknown path components: /" + String.join("/", path.subList(2, path.size())));
        }
        String edge = path.size() == 2 ? path.get(1) : null;
        return routeObject(request, caller, id, edge, method);
    }

    private Object routeObject(GraphRequest request, Caller caller, String id, String edge, String method) {
        Page page = graph.page(id).orElse(null);
        if (page != null) {
            Page own = requirePage(caller, page, method);
            if (edge == null) {
                if (method.equals("GET")) {
                    return content.page(own, request);
                }
                throw GraphApiException.unknownObject(id, method);
            }
            return switch (edge + " " + method) {
                case "feed POST" -> content.publishPost(request, own);
                case "published_posts GET" -> content.publishedPosts(own, request);
                case "photos POST" -> content.publishPhoto(request, own);
                case "messages POST" -> sendApi.send(own, request);
                case "conversations GET" -> sendApi.conversation(own, request);
                case "subscribed_apps POST" -> accounts.subscribe(own, request);
                case "subscribed_apps GET" -> accounts.subscribedApps(own);
                case "subscribed_apps DELETE" -> accounts.unsubscribe(own);
                default -> throw GraphApiException.unknownEdge(edge, "Page");
            };
        }
        Post post = graph.post(id).orElse(null);
        if (post != null) {
            Page own = requirePage(caller, graph.page(post.pageId()).orElseThrow(), method, id);
            return switch ((edge == null ? "" : edge) + " " + method) {
                case " GET" -> content.post(post, request);
                case " POST" -> content.updatePost(post, request);
                case " DELETE" -> Map.of("success", graph.deletePost(id));
                case "comments GET" -> content.comments(id, request);
                case "comments POST" -> content.addComment(id, own, request);
                default ->
                    throw edge == null
                            ? GraphApiException.unknownObject(id, method)
                            : GraphApiException.unknownEdge(edge, "Post");
            };
        }
        Comment comment = graph.comment(id).orElse(null);
        if (comment != null) {
            Post parentPost = graph.post(comment.postId()).orElseThrow();
            Page own = requirePage(caller, graph.page(parentPost.pageId()).orElseThrow(), method, id);
            return switch ((edge == null ? "" : edge) + " " + method) {
                case " GET" -> content.comment(comment, request);
                case " POST" -> content.updateComment(comment, request);
                case " DELETE" -> Map.of("success", graph.deleteComment(id));
                case "comments GET" -> content.comments(id, request);
                case "comments POST" -> content.addComment(id, own, request);
                default ->
                    throw edge == null
                            ? GraphApiException.unknownObject(id, method)
                            : GraphApiException.unknownEdge(edge, "Comment");
            };
        }
        Post photo = graph.postByPhotoId(id).orElse(null);
        if (photo != null && edge == null && method.equals("GET")) {
            requirePage(caller, graph.page(photo.pageId()).orElseThrow(), method, id);
            return content.photo(photo, request);
        }
        throw GraphApiException.unknownObject(id, method);
    }

    /** Page edges need that page's token; any other page's token sees the object as missing. */
    private static Page requirePage(Caller caller, Page page, String method) {
        return requirePage(caller, page, method, page.id());
    }

    private static Page requirePage(Caller caller, Page page, String method, String objectId) {
        if (caller.kind() != Caller.Kind.PAGE) {
            throw GraphApiException.pageTokenRequired();
        }
        if (!caller.pageId().equals(page.id())) {
            throw GraphApiException.unknownObject(objectId, method);
        }
        return page;
    }

    private ResponseEntity<String> respond(
            HttpStatus status, Object body, Metered metered, GraphRequest request, GraphApiException error) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
        headers.set("facebook-api-version", request == null ? GraphRequest.DEFAULT_VERSION : request.version());
        headers.set("x-fb-trace-id", traceId());
        headers.set("x-fb-rev", "1000000001");
        if (metered != null) {
            headers.set("X-App-Usage", usageHeader(metered.app()));
            if (metered.page() != null) {
                headers.set("X-Page-Usage", usageHeader(metered.page()));
            }
        }
        if (error != null && error.tokenError()) {
            headers.set(
                    HttpHeaders.WWW_AUTHENTICATE,
                    "OAuth \"Facebook Platform\" \"invalid_token\" \""
                            + error.getMessage().replace("\"", "'") + "\"");
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .body(new String(Json.write(body), StandardCharsets.UTF_8));
    }

    private static String usageHeader(UsageMeter.Usage usage) {
        Map<String, Integer> header = new LinkedHashMap<>();
        header.put("call_count", usage.callCount());
        header.put("total_cputime", usage.totalCputime());
        header.put("total_time", usage.totalTime());
        return new String(Json.write(header), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> errorBody(GraphApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e.getMessage());
        error.put("type", e.type());
        error.put("code", e.code());
        if (e.subcode() != null) {
            error.put("error_subcode", e.subcode());
        }
        if (e.transientError()) {
            error.put("is_transient", true);
        }
        error.put("fbtrace_id", traceId());
        return Map.of("error", error);
    }

    private static String traceId() {
        return "SBX" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
