package org.voluntree.app.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the raw body bytes with the
 * app secret, compared in constant time.
 */
public final class WebhookSignatureVerifier {

    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public WebhookSignatureVerifier(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Throws {@link WebhookRejectedException} unless the header signs the body. */
    public void verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            throw WebhookRejectedException.unsigned();
        }
        if (!header.startsWith(PREFIX)) {
            throw WebhookRejectedException.badSignature("signature header must start with 'sha256='");
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.badSignature("signature is not hexadecimal");
        }
        if (!MessageDigest.isEqual(sign(body), claimed)) {
            throw WebhookRejectedException.badSignature("signature does not match the body");
        }
    }

    /** The header value Facebook would send for this body. */
    public String headerFor(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(sign(body));
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
