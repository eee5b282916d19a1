package org.voluntree.app.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code /api/settings}: the caller's organisation's answer texts, e-mail verification and automatic replies. */
@Tag(name = "Settings")
@RestController
@ConditionalOnRole(Role.WEB)
class SettingsController {

    private final SettingsStore settings;

    SettingsController(SettingsStore settings) {
        this.settings = settings;
    }

    @Operation(summary = "The organisation's answer texts and reply settings")
    @GetMapping("/api/settings")
    OrganisationSettings get(@AuthenticationPrincipal AdminAccount admin) {
        return settings.of(admin.organisationId());
    }

    @Operation(summary = "Changes the answer texts and reply settings")
    @PutMapping("/api/settings")
    OrganisationSettings put(
            @AuthenticationPrincipal AdminAccount admin, @Valid @RequestBody OrganisationSettings request) {
        Permissions.requireWriter(admin);
        for (int i = 0; i < request.autoReplies().size(); i++) {
            if (!OrganisationSettings.INTENTS.contains(request.autoReplies().get(i))) {
                throw InvalidFieldException.of(
                        "autoReplies[" + i + "]", "must be one of " + String.join(", ", OrganisationSettings.INTENTS));
            }
        }
        settings.save(admin.organisationId(), request);
        return settings.of(admin.organisationId());
    }
}
