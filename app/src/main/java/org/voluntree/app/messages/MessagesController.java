package org.voluntree.app.messages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** The caller's organisation's messages: the latest, as the live feed shows them, and a search. */
@RestController
@Validated
@ConditionalOnRole(Role.WEB)
@Tag(name = "Messages", description = "Classified comments and messages")
class MessagesController {

    private final RecentMessages messages;

    MessagesController(RecentMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/api/messages")
    @Operation(summary = "The latest messages with their classifications, newest first")
    List<RecentMessages.Message> recent(
            @AuthenticationPrincipal AdminAccount admin,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return messages.latest(admin.organisationId(), limit);
    }

    @GetMapping("/api/messages/search")
    @Operation(summary = "Messages whose author (name or Facebook id) and text contain the given words, newest first")
    List<RecentMessages.Message> search(
            @AuthenticationPrincipal AdminAccount admin,
            @RequestParam(defaultValue = "") @Size(max = 200) String author,
            @RequestParam(defaultValue = "") @Size(max = 200) String text,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return messages.search(admin.organisationId(), author.strip(), text.strip(), limit);
    }
}
