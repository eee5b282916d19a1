package org.voluntree.app.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.api.TooManyAttemptsException;
import org.voluntree.app.api.UnauthorizedException;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * Token login for API clients: {@code POST /api/auth/tokens} with e-mail and password returns a
 * token once; the caller then sends {@code Authorization: Bearer <token>}. An admin lists and
 * revokes only their own tokens.
 */
@RestController
@ConditionalOnRole(Role.WEB)
@Tag(name = "Access", description = "API tokens")
class ApiTokensController {

    /** Credentials for a new token, and a name to recognise it by later. */
    record TokenRequest(
            @NotBlank @Email String email,
            @NotBlank String password,
            @Size(max = 100) String name,
            @Min(1) @Max(365) Integer days) {}

    private final AdminAccounts admins;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final LoginProperties properties;
    private final Clock clock;
    /** Compared against when the e-mail is unknown, so that both failures take as long. */
    private final String decoyHash;

    ApiTokensController(
            AdminAccounts admins,
            PasswordEncoder passwords,
            ApiTokens tokens,
            LoginThrottle throttle,
            LoginProperties properties) {
        this.admins = admins;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.decoyHash = passwords.encode("decoy password for unknown e-mails");
    }

    @PostMapping("/api/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(
            summary = "Log in with e-mail and password; returns a new API token, shown only this once",
            description = "Too many failures for one e-mail from one address get 429 with Retry-After.")
    ApiTokens.IssuedToken create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        throttle.blockedFor(request.email(), address).ifPresent(wait -> {
            throw TooManyAttemptsException.retryAfter(wait);
        });
        AdminAccount admin = check(request.email(), request.password());
        if (admin == null) {
            throttle.recordFailure(request.email(), address);
            throw UnauthorizedException.because("wrong e-mail or password");
        }
        throttle.reset(request.email(), address);
        Duration lifetime = request.days() == null ? properties.tokenLifetime() : Duration.ofDays(request.days());
        String name = request.name() == null || request.name().isBlank()
                ? "API token"
                : request.name().strip();
        return tokens.issue(admin.adminId(), name, clock.instant().plus(lifetime));
    }

    @GetMapping("/api/auth/tokens")
    @Operation(summary = "Your API tokens (never their secrets)")
    List<ApiTokens.ApiToken> list(@AuthenticationPrincipal AdminAccount admin) {
        return tokens.of(admin.adminId());
    }

    @DeleteMapping("/api/auth/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your API tokens")
    void revoke(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        if (!tokens.revoke(admin.adminId(), id)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "you have no token " + id + " (each admin revokes only their own)");
        }
    }

    private AdminAccount check(String email, String password) {
        try {
            AdminAccount admin = admins.loadUserByUsername(email);
            return passwords.matches(password, admin.getPassword()) ? admin : null;
        } catch (UsernameNotFoundException e) {
            passwords.matches(password, decoyHash);
            return null;
        }
    }
}
