package org.voluntree.app.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tokens the sandbox has issued, kept by hash only: page tokens (issued by the controls or by
 * {@code /me/accounts}), user tokens (from the OAuth code exchange), and the one-time codes of the
 * login dialog. The app token is {@code app_id|app_secret}, as on Facebook.
 */
final class TokenRegistry {

    static final List<String> PAGE_SCOPES = List.of(
            "pages_show_list",
            "pages_messaging",
            "pages_read_engagement",
            "pages_manage_posts",
            "pages_manage_engagement",
            "pages_manage_metadata",
            "pages_read_user_content");
    static final List<String> PAGE_TASKS =
            List.of("ANALYZE", "ADVERTISE", "MESSAGING", "MODERATE", "CREATE_CONTENT", "MANAGE");
    static final Duration USER_TOKEN_LIFETIME = Duration.ofDays(60);

    /** Why a token stopped working: subcode 460 or 463. */
    enum Revocation {
        INVALIDATED,
        EXPIRED
    }

    /** What the sandbox knows of a token it issued. */
    record Issued(
            Caller.Kind kind,
            String pageId,
            String userId,
            Instant issuedAt,
            Instant expiresAt,
            Revocation revocation) {

        Issued revoked(Revocation reason) {
            return new Issued(kind, pageId, userId, issuedAt, expiresAt, reason);
        }
    }

    /** What {@code debug_token} reports. */
    record Inspection(Caller.Kind kind, Issued issued, GraphApiException problem) {}

    private record PendingCode(String userId, String redirectUri, Set<String> pageIds, Instant expiresAt) {}

    private final String appId;
    private final String appSecret;
    private final Clock clock;
    private final Map<String, Issued> byHash = new HashMap<>();
    private final Map<String, PendingCode> codes = new HashMap<>();
    private final Set<String> usedCodes = new HashSet<>();
    private final Map<String, Set<String>> userPages = new HashMap<>();
    private final Map<String, Integer> generations = new HashMap<>();

    TokenRegistry(String appId, String appSecret, Clock clock) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    String appToken() {
        return appId + "|" + appSecret;
    }

    /** Registers a page token (random, or the demo's derived one) and returns it: the only time it is seen in clear. */
    synchronized String registerPageToken(String pageId, String token, String userId) {
        byHash.put(AccessTokens.hash(token), new Issued(Caller.Kind.PAGE, pageId, userId, clock.instant(), null, null));
        return token;
    }

    synchronized String issuePageToken(String pageId, String userId) {
        return registerPageToken(pageId, AccessTokens.random(), userId);
    }

    /**
     * The page token a user's {@code /me/accounts} shows: stable for that user and page until the page's
     * tokens are revoked, derived from the app secret so that it need not be kept in clear.
     */
    synchronized String pageTokenFor(String pageId, String userId) {
        String token = AccessTokens.derived(
                appSecret, "page:" + pageId + ":user:" + userId + ":generation:" + generations.getOrDefault(pageId, 0));
        if (!byHash.containsKey(AccessTokens.hash(token))) {
            registerPageToken(pageId, token, userId);
        }
        return token;
    }

    /** Revokes every token of the page; returns how many. */
    synchronized int revokePage(String pageId, Revocation reason) {
        int revoked = 0;
        for (Map.Entry<String, Issued> entry : byHash.entrySet()) {
            Issued issued = entry.getValue();
            if (issued.kind() == Caller.Kind.PAGE && pageId.equals(issued.pageId()) && issued.revocation() == null) {
                entry.setValue(issued.revoked(reason));
                revoked++;
            }
        }
        generations.merge(pageId, 1, Integer::sum);
        return revoked;
    }

    /** Resolves a token to its caller, or throws Facebook's error for it (190, with 460/463 where they apply). */
    synchronized Caller authenticate(String token) {
        Inspection inspection = inspect(token);
        if (inspection.problem() != null) {
            throw inspection.problem();
        }
        Issued issued = inspection.issued();
        return issued == null
                ? new Caller(Caller.Kind.APP, null, null, AccessTokens.fingerprint(token))
                : new Caller(issued.kind(), issued.pageId(), issued.userId(), AccessTokens.fingerprint(token));
    }

    synchronized Inspection inspect(String token) {
        if (token.equals(appToken())) {
            return new Inspection(Caller.Kind.APP, null, null);
        }
        Issued issued = byHash.get(AccessTokens.hash(token));
        if (issued == null) {
            return new Inspection(null, null, GraphApiException.unparsableToken());
        }
        Instant now = clock.instant();
        if (issued.revocation() == Revocation.INVALIDATED) {
            return new Inspection(issued.kind(), issued, GraphApiException.sessionInvalidated());
        }
        if (issued.revocation() == Revocation.EXPIRED) {
            return new Inspection(issued.kind(), issued, GraphApiException.sessionExpired(now, now));
        }
        if (issued.expiresAt() != null && !now.isBefore(issued.expiresAt())) {
            return new Inspection(issued.kind(), issued, GraphApiException.sessionExpired(issued.expiresAt(), now));
        }
        return new Inspection(issued.kind(), issued, null);
    }

    /** The login dialog's outcome: a one-time code granting the user these pages, bound to the redirect URI. */
    synchronized String issueCode(String userId, String redirectUri, Set<String> pageIds) {
        String code = "AQ" + AccessTokens.random().substring(4);
        codes.put(
                code,
                new PendingCode(
                        userId,
                        redirectUri,
                        Set.copyOf(pageIds),
                        clock.instant().plus(Duration.ofMinutes(10))));
        return code;
    }

    /** Exchanges a code for a user token, checking the app credentials and the redirect URI like Facebook. */
    synchronized String exchangeCode(String clientId, String clientSecret, String redirectUri, String code) {
        checkClient(clientId, clientSecret);
        if (usedCodes.contains(code)) {
            throw GraphApiException.codeAlreadyUsed();
        }
        PendingCode pending = codes.get(code);
        if (pending == null
                || !pending.redirectUri().equals(redirectUri)
                || !clock.instant().isBefore(pending.expiresAt())) {
            throw GraphApiException.invalidVerificationCode();
        }
        codes.remove(code);
        usedCodes.add(code);
        userPages.computeIfAbsent(pending.userId(), u -> new LinkedHashSet<>()).addAll(pending.pageIds());
        return issueUserToken(pending.userId(), USER_TOKEN_LIFETIME);
    }

    /** {@code grant_type=fb_exchange_token}: a fresh long-lived token for the same user. */
    synchronized String exchangeForLongLived(String clientId, String clientSecret, String userToken) {
        checkClient(clientId, clientSecret);
        Caller caller = authenticate(userToken);
        if (caller.kind() != Caller.Kind.USER) {
            throw GraphApiException.invalidParameter("fb_exchange_token must be a user access token");
        }
        return issueUserToken(caller.userId(), USER_TOKEN_LIFETIME);
    }

    void checkClient(String clientId, String clientSecret) {
        if (!appId.equals(clientId)) {
            throw GraphApiException.invalidApplicationId();
        }
        if (clientSecret == null
                || !MessageDigest.isEqual(
                        appSecret.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))) {
            throw GraphApiException.invalidClientSecret();
        }
    }

    synchronized List<String> pagesOf(String userId) {
        return new ArrayList<>(userPages.getOrDefault(userId, Set.of()));
    }

    private String issueUserToken(String userId, Duration lifetime) {
        String token = AccessTokens.random();
        Instant now = clock.instant();
        byHash.put(AccessTokens.hash(token), new Issued(Caller.Kind.USER, null, userId, now, now.plus(lifetime), null));
        return token;
    }
}
