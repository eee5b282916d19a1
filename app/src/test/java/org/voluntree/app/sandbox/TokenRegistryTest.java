package org.voluntree.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

    private final SandboxClock clock =
            new SandboxClock(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    private final TokenRegistry tokens = new TokenRegistry("900", "secret", clock);

    @Test
    void revokedTokensFailWithSubcode460AndExpiredOnesWith463() {
        String first = tokens.issuePageToken("42", "7");
        tokens.revokePage("42", TokenRegistry.Revocation.INVALIDATED);
        String second = tokens.issuePageToken("42", "7");

        assertThatThrownBy(() -> tokens.authenticate(first)).isInstanceOfSatisfying(GraphApiException.class, e -> {
            assertThat(e.code()).isEqualTo(190);
            assertThat(e.subcode()).isEqualTo(460);
        });
        assertThat(tokens.authenticate(second).pageId()).isEqualTo("42");

        tokens.revokePage("42", TokenRegistry.Revocation.EXPIRED);
        assertThatThrownBy(() -> tokens.authenticate(second))
                .isInstanceOfSatisfying(
                        GraphApiException.class, e -> assertThat(e.subcode()).isEqualTo(463));
    }

    @Test
    void unknownTokensCannotBeParsed() {
        assertThatThrownBy(() -> tokens.authenticate("EAAnothing"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(190);
                    assertThat(e.subcode()).isNull();
                });
    }

    @Test
    void theAppTokenIsAppIdBarSecret() {
        assertThat(tokens.authenticate("900|secret").kind()).isEqualTo(Caller.Kind.APP);
    }

    @Test
    void aCodeIsExchangedOnceForTheSameRedirectUriAndTheUserTokenExpires() {
        String code = tokens.issueCode("7", "https://app.example/cb", Set.of("42"));

        assertThatThrownBy(() -> tokens.exchangeCode("900", "secret", "https://evil.example/cb", code))
                .isInstanceOfSatisfying(
                        GraphApiException.class, e -> assertThat(e.subcode()).isEqualTo(36008));
        assertThatThrownBy(() -> tokens.exchangeCode("900", "wrong", "https://app.example/cb", code))
                .isInstanceOfSatisfying(
                        GraphApiException.class, e -> assertThat(e.code()).isEqualTo(1));
        String user = tokens.exchangeCode("900", "secret", "https://app.example/cb", code);
        assertThat(tokens.authenticate(user).kind()).isEqualTo(Caller.Kind.USER);
        assertThat(tokens.pagesOf("7")).containsExactly("42");
        assertThatThrownBy(() -> tokens.exchangeCode("900", "secret", "https://app.example/cb", code))
                .isInstanceOfSatisfying(
                        GraphApiException.class, e -> assertThat(e.subcode()).isEqualTo(36009));

        clock.advance(TokenRegistry.USER_TOKEN_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> tokens.authenticate(user))
                .isInstanceOfSatisfying(
                        GraphApiException.class, e -> assertThat(e.subcode()).isEqualTo(463));
    }

    @Test
    void aUsersPageTokenIsStableUntilThePageIsRevoked() {
        String token = tokens.pageTokenFor("42", "7");
        assertThat(tokens.pageTokenFor("42", "7")).isEqualTo(token);

        tokens.revokePage("42", TokenRegistry.Revocation.INVALIDATED);
        String next = tokens.pageTokenFor("42", "7");
        assertThat(next).isNotEqualTo(token);
        assertThat(tokens.authenticate(next).pageId()).isEqualTo("42");
    }

    @Test
    void appsecretProofIsTheHmacOfTheToken() {
        String proof = AccessTokens.proof("secret", "token");

        assertThat(proof).hasSize(64).matches("[0-9a-f]+");
        assertThat(AccessTokens.proofMatches("secret", "token", proof)).isTrue();
        assertThat(AccessTokens.proofMatches("other", "token", proof)).isFalse();
        assertThat(AccessTokens.fingerprint("token"))
                .startsWith("sha256:")
                .hasSize(15)
                .doesNotContain("token");
    }
}
