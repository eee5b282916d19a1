package org.voluntree.app.moderation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * {@code /api/moderation}: the queue of offensive or hateful comments at or above a threshold,
 * what was done about them, and the actions hide, unhide, delete (on Facebook) and dismiss.
 */
@Tag(name = "Moderation", description = "Comments the offense model flagged")
@RestController
@Validated
@ConditionalOnRole(Role.WEB)
class ModerationController {

    private final ModerationQueue queue;
    private final Moderator moderator;

    ModerationController(ModerationQueue queue, Moderator moderator) {
        this.queue = queue;
        this.moderator = moderator;
    }

    @Operation(summary = "Flagged comments not yet handled, most offensive first")
    @GetMapping("/api/moderation")
    List<QueuedComment> pending(
            @AuthenticationPrincipal AdminAccount admin,
            @RequestParam(defaultValue = "0.7") @DecimalMin("0") @DecimalMax("1") double threshold,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return queue.pending(admin.organisationId(), threshold, limit);
    }

    @Operation(summary = "Comments an admin has acted on, with the outcome")
    @GetMapping("/api/moderation/handled")
    List<QueuedComment> handled(
            @AuthenticationPrincipal AdminAccount admin,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return queue.handled(admin.organisationId(), limit);
    }

    /** Hides, unhides, deletes or dismisses a comment; answers the comment with the action recorded. */
    @Operation(summary = "Hides, unhides, deletes or dismisses a comment (on Facebook, with the page token)")
    @PostMapping("/api/moderation/{messageId}/{action}")
    QueuedComment act(
            @AuthenticationPrincipal AdminAccount admin, @PathVariable long messageId, @PathVariable String action) {
        Permissions.requireWriter(admin);
        ModerationAction chosen = ModerationAction.parse(action)
                .orElseThrow(() -> InvalidFieldException.of("action", "must be one of hide, unhide, delete, dismiss"));
        QueuedComment comment =
                queue.find(admin.organisationId(), messageId).orElseThrow(() -> Permissions.notFound("comment"));
        if (queue.removed(messageId)) {
            // a deleted comment stays deleted: hiding it fails on Facebook, dismissing it would hide the delete
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "the comment has been deleted; there is nothing more to do with it");
        }
        moderator.act(admin.organisationId(), admin.adminId(), comment, chosen);
        return queue.find(admin.organisationId(), messageId).orElseThrow();
    }
}
