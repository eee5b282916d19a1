package org.voluntree.app.messages;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code GET /api/messages}: the latest messages of the caller's organisation, as the live feed shows them. */
@RestController
@Validated
@ConditionalOnRole(Role.WEB)
class MessagesController {

    private final RecentMessages messages;

    MessagesController(RecentMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/api/messages")
    List<RecentMessages.Message> recent(@AuthenticationPrincipal AdminAccount admin,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return messages.latest(admin.organisationId(), limit);
    }
}
