package org.voluntree.app.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Token arithmetic: new random tokens, the hash the sandbox keeps instead, fingerprints, and {@code appsecret_proof}. */
final class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessTokens() {}

    /** A fresh opaque token; Facebook's start with {@code EAA}. */
    static String random() {
        byte[] bytes = new byte[40];
        RANDOM.nextBytes(bytes);
        return "EAAS" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token derived from the app secret: stable across restarts, unguessable without the secret. */
    static String derived(String appSecret, String purpose) {
        return "EAAS" + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(appSecret, "sandbox:" + purpose));
    }

    /** What the sandbox stores instead of a token. */
    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** A short, non-reversible label for logs and the request record: {@code sha256:1a2b3c4d}. */
    static String fingerprint(String token) {
        return "sha256:" + HexFormat.of().formatHex(sha256(token), 0, 4);
    }

    /** {@code appsecret_proof}: hex HMAC-SHA256 of the token (or of {@code token|appsecret_time}) with the app secret. */
    static String proof(String appSecret, String signed) {
        return HexFormat.of().formatHex(hmac(appSecret, signed));
    }

    /** Compares a claimed proof with the expected one in constant time. */
    static boolean proofMatches(String appSecret, String signed, String claimed) {
        byte[] expected = proof(appSecret, signed).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, claimed.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
