package org.voluntree.app.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A Graph API error as Facebook reports it: {@code {"error":{"message","type","code","error_subcode",
 * "fbtrace_id"}}}, always with HTTP 400 (Facebook answers request errors with 400, not 401/404; RestFB
 * maps the body, type {@code OAuthException} to {@code FacebookOAuthException}, anything else to
 * {@code FacebookGraphException}).
 */
final class GraphApiException extends RuntimeException {

    static final String OAUTH = "OAuthException";
    static final String GRAPH_METHOD = "GraphMethodException";

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "EEEE, dd-MMM-yy HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String type;
    private final int code;
    private final Integer subcode;
    private final boolean transientError;

    private GraphApiException(String type, int code, Integer subcode, boolean transientError, String message) {
        super(message);
        this.type = type;
        this.code = code;
        this.subcode = subcode;
        this.transientError = transientError;
    }

    String type() {
        return type;
    }

    int code() {
        return code;
    }

    Integer subcode() {
        return subcode;
    }

    boolean transientError() {
        return transientError;
    }

    /** A token problem: Facebook adds a {@code WWW-Authenticate} header to these. */
    boolean tokenError() {
        return code == 190 || code == 104;
    }

    static GraphApiException noToken() {
        return new GraphApiException(OAUTH, 104, null, false, "An access token is required to request this resource.");
    }

    static GraphApiException unparsableToken() {
        return new GraphApiException(OAUTH, 190, null, false, "Invalid OAuth access token - Cannot parse access token");
    }

    /** Subcode 460: the session was invalidated (password change, security reset, revocation). */
    static GraphApiException sessionInvalidated() {
        return new GraphApiException(
                OAUTH,
                190,
                460,
                false,
                "Error validating access token: The session has been "
                        + "invalidated because the user changed their password or Facebook has changed the session for "
                        + "security reasons.");
    }

    /** Subcode 463: the token expired. */
    static GraphApiException sessionExpired(Instant expiredAt, Instant now) {
        return new GraphApiException(
                OAUTH,
                190,
                463,
                false,
                "Error validating access token: Session has expired on " + EXPIRY.format(expiredAt)
                        + ". The current time is " + EXPIRY.format(now) + ".");
    }

    static GraphApiException unknownObject(String id, String method) {
        return new GraphApiException(
                GRAPH_METHOD,
                100,
                33,
                false,
                "Unsupported " + method.toLowerCase(Locale.ROOT)
                        + " request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, "
                        + "or does not support this operation. Please read the Graph API documentation at "
                        + "https://developers.facebook.com/docs/graph-api");
    }

    static GraphApiException unknownEdge(String edge, String nodeType) {
        return new GraphApiException(
                OAUTH,
                100,
                null,
                false,
                "(#100) Tried accessing nonexisting field (" + edge + ") on node type (" + nodeType + ")");
    }

    static GraphApiException missingParameter(String name) {
        return new GraphApiException(OAUTH, 100, null, false, "(#100) The parameter " + name + " is required");
    }

    static GraphApiException invalidParameter(String reason) {
        return new GraphApiException(OAUTH, 100, null, false, "(#100) " + reason);
    }

    static GraphApiException missingAppsecretProof() {
        return new GraphApiException(
                GRAPH_METHOD, 100, null, false, "API calls from the server require an appsecret_proof argument");
    }

    static GraphApiException invalidAppsecretProof() {
        return new GraphApiException(
                GRAPH_METHOD, 100, null, false, "Invalid appsecret_proof provided in the API argument");
    }

    static GraphApiException activeTokenRequired() {
        return new GraphApiException(
                OAUTH,
                2500,
                null,
                false,
                "An active access token must be used to query information about the current user.");
    }

    static GraphApiException pageTokenRequired() {
        return new GraphApiException(
                OAUTH, 210, null, false, "(#210) A page access token is required to request this resource.");
    }

    /** Code 4: the app's platform rate limit. */
    static GraphApiException appRateLimit() {
        return new GraphApiException(OAUTH, 4, null, true, "(#4) Application request limit reached");
    }

    /** Code 32: the page's rate limit (calls made with one page's token). */
    static GraphApiException pageRateLimit() {
        return new GraphApiException(OAUTH, 32, null, true, "(#32) Page request limit reached");
    }

    /** Code 613: a per-API rate limit. */
    static GraphApiException callRateLimit() {
        return new GraphApiException(OAUTH, 613, null, true, "(#613) Calls to this api have exceeded the rate limit.");
    }

    /** Code 10 / 2018278: outside the 24-hour standard messaging window (or the 7-day private-reply limit). */
    static GraphApiException outsideAllowedWindow() {
        return new GraphApiException(
                OAUTH, 10, 2018278, false, "(#10) This message is sent outside of allowed window.");
    }

    /** Code 10900: a comment may be replied to privately only once. */
    static GraphApiException alreadyReplied() {
        return new GraphApiException(OAUTH, 10900, null, false, "(#10900) Activity already replied to");
    }

    static GraphApiException noMatchingUser() {
        return new GraphApiException(OAUTH, 100, 2018001, false, "(#100) No matching user found");
    }

    static GraphApiException invalidApplicationId() {
        return new GraphApiException(OAUTH, 101, null, false, "Error validating application. Invalid application ID.");
    }

    static GraphApiException invalidClientSecret() {
        return new GraphApiException(OAUTH, 1, null, false, "Error validating client secret.");
    }

    static GraphApiException invalidVerificationCode() {
        return new GraphApiException(
                OAUTH,
                100,
                36008,
                false,
                "Error validating verification code. Please make sure "
                        + "your redirect_uri is identical to the one you used in the OAuth dialog request");
    }

    static GraphApiException codeAlreadyUsed() {
        return new GraphApiException(OAUTH, 100, 36009, false, "This authorization code has been used.");
    }
}
