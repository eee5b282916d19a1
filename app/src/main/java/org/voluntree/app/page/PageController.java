package org.voluntree.app.page;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * {@code /api/pages}: the organisation's pages and their token health; connecting a page with a
 * pasted page token or with the code of Facebook's login dialog. Viewers may only look.
 */
@Tag(name = "Pages", description = "Facebook pages connected to the organisation")
@RestController
@ConditionalOnRole(Role.WEB)
class PageController {

    /** A pasted page access token. */
    record TokenConnection(@NotBlank String pageToken) {}

    /** The code Facebook's login dialog redirected back with. */
    record CodeConnection(@NotBlank String code, @NotBlank String redirectUri) {}

    private final PageTokens pages;
    private final PageConnections connections;

    PageController(PageTokens pages, PageConnections connections) {
        this.pages = pages;
        this.connections = connections;
    }

    @Operation(summary = "The connected pages and the health of their tokens")
    @GetMapping("/api/pages")
    List<ConnectedPage> list(@AuthenticationPrincipal AdminAccount admin) {
        return pages.ofOrganisation(admin.organisationId());
    }

    @Operation(summary = "Connects a page with a pasted page token")
    @PostMapping("/api/pages")
    @ResponseStatus(HttpStatus.CREATED)
    ConnectedPage connect(@AuthenticationPrincipal AdminAccount admin, @Valid @RequestBody TokenConnection request) {
        Permissions.requireWriter(admin);
        return connections.connectWithToken(admin.organisationId(), request.pageToken());
    }

    @Operation(summary = "Connects the pages of a Facebook login (OAuth code exchange)")
    @PostMapping("/api/pages/oauth")
    @ResponseStatus(HttpStatus.CREATED)
    List<ConnectedPage> connectWithCode(
            @AuthenticationPrincipal AdminAccount admin, @Valid @RequestBody CodeConnection request) {
        Permissions.requireWriter(admin);
        return connections.connectWithCode(admin.organisationId(), request.code(), request.redirectUri());
    }
}
