package org.voluntree.app.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code GET /api/me}: who is logged in, for which organisation, and the CSRF token their forms need. */
@Tag(name = "Access")
@RestController
@ConditionalOnRole(Role.WEB)
class MeController {

    /** The logged-in admin. */
    record Me(
            long adminId, String email, String role, long organisationId, String organisationName, String csrfToken) {}

    private final JdbcTemplate jdbc;

    MeController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "The logged-in admin, their organisation and role (and the CSRF token for writes)")
    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal AdminAccount admin, CsrfToken csrf) {
        String organisation = jdbc.queryForObject(
                "select name from organisations where id = ?", String.class, admin.organisationId());
        return new Me(
                admin.adminId(),
                admin.getUsername(),
                admin.role(),
                admin.organisationId(),
                organisation,
                csrf.getToken());
    }
}
