package org.voluntree.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class WebhookSignatureVerifierTest {

    private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier("app-secret");
    private final byte[] body = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheSignatureFacebookComputes() {
        // HMAC-SHA256("app-secret", body), as `openssl dgst -sha256 -hmac app-secret` prints it
        String expected = "sha256=e6e9d7a842a48e17f43a34d6125d0d933e2aab92ee37f0993a4d493b50e3d438";

        assertThat(verifier.headerFor(body)).isEqualTo(expected);
        assertThatCode(() -> verifier.verify(expected, body)).doesNotThrowAnyException();
    }

    @Test
    void acceptsUpperCaseHex() {
        String header = "sha256=" + verifier.headerFor(body).substring(7).toUpperCase();

        assertThatCode(() -> verifier.verify(header, body)).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingHeaderWith401() {
        assertThatThrownBy(() -> verifier.verify(null, body))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void refusesTheOldSha1HeaderFormat() {
        assertThatThrownBy(() -> verifier.verify("sha1=abcdef", body))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN))
                .hasMessageContaining("sha256=");
    }

    @Test
    void refusesNonHexSignatures() {
        assertThatThrownBy(() -> verifier.verify("sha256=not-hex", body)).hasMessageContaining("hexadecimal");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecretOrForAnotherBody() {
        String other = new WebhookSignatureVerifier("other-secret").headerFor(body);
        byte[] changed = "{\"object\":\"page\",\"entry\":[1]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(other, body)).hasMessageContaining("does not match");
        assertThatThrownBy(() -> verifier.verify(verifier.headerFor(body), changed))
                .hasMessageContaining("does not match");
    }
}
