package org.voluntree.app.deletion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/**
 * Facebook's {@code signed_request}: {@code base64url(signature).base64url(payload)}, the signature
 * an HMAC-SHA256 of the encoded payload with the app secret, compared in constant time.
 */
final class SignedRequest {

    private SignedRequest() {}

    /** The payload's {@code user_id}, once the signature checks out. */
    static String userId(String signedRequest, String appSecret) {
        if (signedRequest == null || signedRequest.isBlank()) {
            throw InvalidSignedRequestException.because("signed_request is missing");
        }
        String[] parts = signedRequest.strip().split("\\.", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw InvalidSignedRequestException.because("signed_request must be <signature>.<payload>");
        }
        byte[] claimed;
        byte[] payload;
        try {
            claimed = Base64.getUrlDecoder().decode(parts[0]);
            payload = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw InvalidSignedRequestException.because("signed_request is not base64url");
        }
        if (!MessageDigest.isEqual(sign(parts[1], appSecret), claimed)) {
            throw InvalidSignedRequestException.because("signed_request signature does not match");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(payload);
        } catch (RuntimeException e) {
            throw InvalidSignedRequestException.because("signed_request payload is not JSON");
        }
        if (!"HMAC-SHA256".equalsIgnoreCase(json.path("algorithm").asString(""))) {
            throw InvalidSignedRequestException.because("signed_request algorithm must be HMAC-SHA256");
        }
        String userId = json.path("user_id").asString("");
        if (userId.isBlank()) {
            throw InvalidSignedRequestException.because("signed_request has no user_id");
        }
        return userId;
    }

    /** The signed request Facebook would send for a user, for tests and the sandbox. */
    static String forUser(String userId, String appSecret) {
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Json.write(Map.of(
                        "algorithm",
                        "HMAC-SHA256",
                        "issued_at",
                        System.currentTimeMillis() / 1000,
                        "user_id",
                        userId)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(payload, appSecret)) + "." + payload;
    }

    private static byte[] sign(String encodedPayload, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
