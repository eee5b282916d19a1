package org.voluntree.app.conversation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.app.signup.SignupStore;

/**
 * {@code /api/signups/{id}/announcements}: an admin writes to everyone holding a place to come in the
 * signup ("parking has moved to the back gate"), sent to each of them once in Messenger, outside the
 * 24-hour window with Facebook's tag for updates about an event the person registered for. Only people
 * who ever wrote to the page in Messenger can be reached; the answer says how many were.
 */
@Tag(name = "Signups", description = "Events with dates x slots")
@RestController
@ConditionalOnRole(Role.WEB)
class AnnouncementController {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementController.class);

    /** What the admin writes. */
    record AnnouncementRequest(
            @NotBlank @Size(max = Announcements.MAX_LENGTH) String text) {}

    private final Announcements announcements;
    private final PlaceNotices notices;
    private final SignupStore signups;

    AnnouncementController(Announcements announcements, PlaceNotices notices, SignupStore signups) {
        this.announcements = announcements;
        this.notices = notices;
        this.signups = signups;
    }

    @Operation(
            summary = "Sends a message in Messenger to everyone holding a place to come in the signup; answers how"
                    + " many people it was sent to (those who ever wrote to the page in Messenger)")
    @PostMapping("/api/signups/{id}/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    Announcements.Announcement announce(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable long id,
            @Valid @RequestBody AnnouncementRequest request) {
        Permissions.requireWriter(admin);
        signups.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("signup"));
        // the row first, committed: a job answered at once must find the text it sends
        long announcement = announcements.create(
                admin.organisationId(), id, admin.adminId(), request.text().strip());
        int reached;
        try {
            reached = notices.announce(admin.organisationId(), id, announcement);
        } catch (PlaceNotices.QueueingFailed e) {
            announcements.delete(announcement);
            log.warn(
                    "Could not queue the announcement for signup {}: {}",
                    id,
                    e.getCause().toString());
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE, "the message could not be queued, so nobody got it; try again");
        }
        announcements.reached(announcement, id, reached);
        log.info("Announcement {} for signup {} queued for {} people", announcement, id, reached);
        return announcements.find(announcement).orElseThrow();
    }

    @Operation(summary = "The messages sent to the signup's volunteers, latest first")
    @GetMapping("/api/signups/{id}/announcements")
    List<Announcements.Announcement> list(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        signups.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("signup"));
        return announcements.ofSignup(admin.organisationId(), id);
    }
}
