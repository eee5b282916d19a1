package org.voluntree.app.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.api.NotFoundException;
import org.voluntree.app.live.LiveEvents;
import org.voluntree.app.messages.RecentMessages;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** The organisation's volunteers: list and search, one person in detail, merging duplicates, CSV export. */
@RestController
@Validated
@ConditionalOnRole(Role.WEB)
@Tag(name = "Volunteers", description = "People who offered to help")
class VolunteersController {

    /** A page of volunteers. */
    record Page(long total, List<Volunteers.Summary> items) {}

    /**
     * One volunteer with their comments and messages, interests, what was sent to them (newest
     * first) and the slots they signed up for (soonest first).
     */
    /** @param email the address they verified in Messenger (the latest, under any of their ids); null for none */
    record Detail(
            Volunteers.Summary volunteer,
            String email,
            List<RecentMessages.Message> messages,
            List<Volunteers.Interest> interests,
            List<Volunteers.Reply> replies,
            List<Volunteers.SlotSignup> signups) {}

    /** The volunteer to fold into the one in the path. */
    record MergeRequest(@NotNull Long duplicateId) {}

    private static final int EXPORT_LIMIT = 100_000;

    private final Volunteers volunteers;
    private final RecentMessages messages;
    private final LiveEvents events;

    VolunteersController(Volunteers volunteers, RecentMessages messages, LiveEvents events) {
        this.volunteers = volunteers;
        this.messages = messages;
        this.events = events;
    }

    @GetMapping("/api/volunteers")
    @Operation(summary = "Volunteers, newest first; q matches the name (contains) or a Facebook id (exactly)")
    Page list(
            @AuthenticationPrincipal AdminAccount admin,
            @RequestParam(defaultValue = "") @Size(max = 200) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        String query = q.strip();
        return new Page(
                volunteers.count(admin.organisationId(), query),
                volunteers.list(admin.organisationId(), query, limit, offset));
    }

    @GetMapping("/api/volunteers/{id}")
    @Operation(
            summary =
                    "One volunteer with their messages, interests, replies sent and slot signups; a merged id shows the volunteer it was merged into")
    Detail detail(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        long resolved = volunteers
                .resolve(admin.organisationId(), id)
                .orElseThrow(() -> NotFoundException.forId("volunteer", id));
        Volunteers.Summary volunteer = volunteers
                .find(admin.organisationId(), resolved)
                .orElseThrow(() -> NotFoundException.forId("volunteer", id));
        return new Detail(
                volunteer,
                volunteers.verifiedEmail(admin.organisationId(), resolved).orElse(null),
                messages.byAuthors(admin.organisationId(), volunteer.facebookUserIds(), 200),
                volunteers.interests(admin.organisationId(), resolved),
                volunteers.replies(admin.organisationId(), volunteer.facebookUserIds(), 200),
                volunteers.signups(admin.organisationId(), resolved));
    }

    @PostMapping("/api/volunteers/{id}/merge")
    @Transactional
    @Operation(summary = "Merge a duplicate (the same person under another Facebook id) into this volunteer")
    Detail merge(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable long id,
            @Valid @RequestBody MergeRequest request) {
        long keep = volunteers
                .resolve(admin.organisationId(), id)
                .orElseThrow(() -> NotFoundException.forId("volunteer", id));
        long duplicate = volunteers
                .resolve(admin.organisationId(), request.duplicateId())
                .orElseThrow(() -> NotFoundException.forId("volunteer", request.duplicateId()));
        if (keep == duplicate) {
            throw InvalidFieldException.of("duplicateId", "is already the same volunteer as " + id);
        }
        volunteers.merge(admin.organisationId(), keep, duplicate);
        events.publish(
                admin.organisationId(),
                LiveEvents.VOLUNTEER_CHANGED,
                Map.of("volunteerId", keep, "mergedId", duplicate));
        return detail(admin, keep);
    }

    @GetMapping(value = "/api/volunteers/export.csv", produces = "text/csv")
    @Operation(summary = "Every volunteer (matching q) as CSV")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal AdminAccount admin, @RequestParam(defaultValue = "") @Size(max = 200) String q) {
        List<Volunteers.Summary> all = volunteers.list(admin.organisationId(), q.strip(), EXPORT_LIMIT, 0);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"volunteers.csv\"")
                .body(VolunteersCsv.write(all).getBytes(StandardCharsets.UTF_8));
    }
}
