package org.voluntree.app.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.voluntree.app.sandbox.Conversations.SentMessage;
import org.voluntree.app.sandbox.RequestLog.RecordedRequest;
import org.voluntree.app.sandbox.SandboxGraph.Page;
import org.voluntree.app.sandbox.TokenRegistry.Revocation;

/**
 * The sandbox's own API, for tests and the demo: pages and tokens, forced rate limits and usage, the
 * clock, the request log, the messages sent, and the OAuth login dialog's stand-in.
 */
@ConditionalOnSandbox
@RestController
class SandboxControlController {

    record NewPage(
            @NotBlank @Pattern(regexp = "\\d{1,20}", message = "must be a numeric page id")
            String id,

            @NotBlank String name) {}

    record Revoke(
            @Pattern(regexp = "invalidated|expired", message = "must be invalidated or expired")
            String reason) {}

    /** {@code method} and {@code path} (a part of the call's path) narrow the calls that fail; null for any. */
    record RateLimit(
            String pageId,
            @Min(1) int code,
            @Min(1) @Max(1_000_000) int count,
            String method,
            String path) {}

    record SetUsage(
            String pageId,
            @Min(0) @Max(100) int callCount,
            @Min(0) @Max(100) int totalCputime,
            @Min(0) @Max(100) int totalTime) {}

    record Hold(
            String path,

            @Pattern(regexp = "GET|POST|DELETE", message = "must be GET, POST or DELETE")
            String method,

            @Min(1) @Max(1000) int count,
            String atMost) {}

    record AdvanceClock(@NotBlank String advance) {}

    private static final Duration DEFAULT_HOLD = Duration.ofSeconds(60);

    private final SandboxState state;
    private final SandboxProperties properties;
    private final ResponseHolds holds;

    SandboxControlController(SandboxState state, SandboxProperties properties, ResponseHolds holds) {
        this.state = state;
        this.properties = properties;
        this.holds = holds;
    }

    @PostMapping("/sandbox/control/pages")
    ResponseEntity<Map<String, Object>> createPage(@Valid @RequestBody NewPage request) {
        if (state.graph().page(request.id()).isPresent()) {
            throw SandboxControlException.pageExists(request.id());
        }
        Page page = state.graph().putPage(request.id(), request.name());
        String token = state.tokens().issuePageToken(page.id(), AccountEndpoints.SANDBOX_USER_ID);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", page.id());
        body.put("name", page.name());
        body.put("access_token", token);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping("/sandbox/control/pages")
    Map<String, Object> pages() {
        return Map.of(
                "data",
                state.graph().pages().stream()
                        .map(page -> Map.of(
                                "id",
                                page.id(),
                                "name",
                                page.name(),
                                "subscribed_fields",
                                state.graph().subscribedFields(page.id()).orElse(List.of())))
                        .toList());
    }

    /** Issues the page a new token, returned once (after a revocation, or for a second client). */
    @PostMapping("/sandbox/control/tokens/{pageId}")
    Map<String, Object> issueToken(@PathVariable String pageId) {
        Page page = page(pageId);
        return Map.of(
                "id",
                page.id(),
                "access_token",
                state.tokens().issuePageToken(page.id(), AccountEndpoints.SANDBOX_USER_ID));
    }

    /** Every token of the page stops working: code 190, subcode 460 (invalidated, default) or 463 (expired). */
    @PostMapping("/sandbox/control/tokens/{pageId}/revoke")
    Map<String, Object> revoke(@PathVariable String pageId, @Valid @RequestBody(required = false) Revoke request) {
        page(pageId);
        Revocation reason =
                request != null && "expired".equals(request.reason()) ? Revocation.EXPIRED : Revocation.INVALIDATED;
        int revoked = state.tokens().revokePage(pageId, reason);
        return Map.of("pageId", pageId, "revoked", revoked, "subcode", reason == Revocation.EXPIRED ? 463 : 460);
    }

    /**
     * The next {@code count} calls fail with rate-limit code 4 (app), 32 (page: name it) or 613; of that method,
     * and whose path contains {@code path}, when named.
     */
    @PostMapping("/sandbox/control/rate-limit")
    Map<String, Object> rateLimit(@Valid @RequestBody RateLimit request) {
        if (request.pageId() != null) {
            page(request.pageId());
        }
        try {
            state.usage().force(request.code(), request.pageId(), request.count(), request.method(), request.path());
        } catch (IllegalArgumentException e) {
            throw SandboxControlException.invalid(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", request.code());
        body.put("pageId", request.pageId());
        body.put("count", request.count());
        return body;
    }

    /** Reports these percentages in X-App-Usage (no pageId) or that page's X-Page-Usage until cleared. */
    @PostMapping("/sandbox/control/usage")
    Map<String, Object> setUsage(@Valid @RequestBody SetUsage request) {
        if (request.pageId() != null) {
            page(request.pageId());
        }
        state.usage()
                .override(
                        request.pageId(),
                        new UsageMeter.Usage(request.callCount(), request.totalCputime(), request.totalTime()));
        return Map.of("usage", request);
    }

    @DeleteMapping("/sandbox/control/usage")
    ResponseEntity<Void> clearUsage(@RequestParam(required = false) String pageId) {
        state.usage().override(pageId, null);
        return ResponseEntity.noContent().build();
    }

    /**
     * The next {@code count} Graph calls whose path contains {@code path} (and of {@code method}) are carried
     * out and recorded, then their answers wait until {@code DELETE /sandbox/control/hold} or {@code atMost}
     * (default 60s): a call Facebook completed whose caller never heard back.
     */
    @PostMapping("/sandbox/control/hold")
    Map<String, Object> hold(@Valid @RequestBody Hold request) {
        Duration atMost = DEFAULT_HOLD;
        if (request.atMost() != null) {
            try {
                atMost = DurationStyle.detectAndParse(request.atMost());
            } catch (IllegalArgumentException e) {
                throw SandboxControlException.invalid("atMost must be a duration such as PT30S or 30s");
            }
            if (atMost.isNegative() || atMost.isZero() || atMost.compareTo(Duration.ofMinutes(10)) > 0) {
                throw SandboxControlException.invalid("atMost must be more than zero and at most 10 minutes");
            }
        }
        holds.add(request.path(), request.method(), request.count(), atMost);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", request.path());
        body.put("method", request.method());
        body.put("count", request.count());
        body.put("atMost", atMost.toString());
        return body;
    }

    /** How many answers are being held right now. */
    @GetMapping("/sandbox/control/hold")
    Map<String, Object> held() {
        return Map.of("waiting", holds.waiting());
    }

    /** Sends every held answer now and forgets the holds not used up. */
    @DeleteMapping("/sandbox/control/hold")
    Map<String, Object> release() {
        return Map.of("released", holds.releaseAll());
    }

    /** Moves the sandbox's clock forward ({@code PT25H} or {@code 25h}): windows close, posts fall due. */
    @PostMapping("/sandbox/control/clock")
    Map<String, Object> advanceClock(@Valid @RequestBody AdvanceClock request) {
        Duration by;
        try {
            by = DurationStyle.detectAndParse(request.advance());
        } catch (IllegalArgumentException e) {
            throw SandboxControlException.invalid("advance must be a duration such as PT25H or 25h");
        }
        if (by.isNegative()) {
            throw SandboxControlException.invalid("the sandbox clock only moves forward");
        }
        state.clock().advance(by);
        return Map.of(
                "offset",
                state.clock().offset().toString(),
                "now",
                state.clock().instant().toString());
    }

    /** Forgets posts, comments, messages, usage, requests and clock moves; pages and their tokens stay. */
    @PostMapping("/sandbox/control/reset")
    ResponseEntity<Void> reset() {
        holds.releaseAll();
        state.reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/requests")
    Map<String, Object> requests(
            @RequestParam(required = false) String path, @RequestParam(required = false) String method) {
        List<RecordedRequest> found = state.requests().find(path, method);
        return Map.of("count", found.size(), "data", found);
    }

    @DeleteMapping("/sandbox/requests")
    ResponseEntity<Void> clearRequests() {
        state.requests().clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/messages")
    Map<String, Object> messages(
            @RequestParam(required = false) String pageId, @RequestParam(required = false) String recipientId) {
        List<SentMessage> found = state.conversations().sent().stream()
                .filter(m -> pageId == null || m.pageId().equals(pageId))
                .filter(m -> recipientId == null || m.recipientId().equals(recipientId))
                .toList();
        return Map.of("count", found.size(), "data", found);
    }

    /**
     * Stands in for Facebook's login dialog: the sandbox user grants the app every sandbox page (or those
     * in {@code pages}) and is sent back to {@code redirect_uri} with a one-time {@code code} and the
     * {@code state}, as after {@code https://www.facebook.com/dialog/oauth}.
     */
    @GetMapping("/sandbox/dialog/oauth")
    ResponseEntity<Void> oauthDialog(
            @RequestParam("client_id") String clientId,
            @RequestParam("redirect_uri") String redirectUri,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String pages) {
        if (!properties.appId().equals(clientId)) {
            throw SandboxControlException.invalid("client_id is not the sandbox app id " + properties.appId());
        }
        Set<String> pageIds = new LinkedHashSet<>();
        if (pages != null) {
            for (String id : pages.split(",")) {
                pageIds.add(page(id.strip()).id());
            }
        }
        String code = new AccountEndpoints(properties, this.state.tokens(), this.state.graph())
                .authorize(redirectUri, pageIds);
        UriComponentsBuilder target =
                UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", code);
        if (state != null) {
            target.queryParam("state", state);
        }
        URI location = target.encode().build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    private Page page(String pageId) {
        return state.graph().page(pageId).orElseThrow(() -> SandboxControlException.unknownPage(pageId));
    }
}
