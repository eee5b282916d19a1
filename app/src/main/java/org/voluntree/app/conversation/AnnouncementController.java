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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.outbox.JobOutbox;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.app.signup.SignupStore;

/**
 * {@code /api/signups/{id}/announcements}: an admin writes to everyone holding a place to come in the
 * signup ("parking has moved to the back gate"), sent to each of them once in Messenger, outside the
 * 24-hour window with Facebook's tag for updates about an event the person registered for. Only people
 * who ever wrote to the page in Messenger can be reached; the answer says how many were. The message is
 * stored with its jobs in one transaction, so once it is answered it is sent, also when Redis does not take
 * the jobs at that moment ({@link JobOutbox}).
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
    private final TransactionTemplate transaction;

    AnnouncementController(
            Announcements announcements, PlaceNotices notices, SignupStore signups, TransactionTemplate transaction) {
        this.announcements = announcements;
        this.notices = notices;
        this.signups = signups;
        this.transaction = transaction;
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
        // the row and its jobs in one transaction: the jobs are pushed once it commits (a job answered at once
        // finds the text it sends), or wait for Redis in job_outbox; nothing is recorded as sent unless they are kept
        long announcement = transaction.execute(status -> {
            long created = announcements.create(
                    admin.organisationId(), id, admin.adminId(), request.text().strip());
            announcements.reached(created, id, notices.announce(admin.organisationId(), id, created));
            return created;
        });
        Announcements.Announcement sent = announcements.find(announcement).orElseThrow();
        log.info("Announcement {} for signup {} queued for {} people", announcement, id, sent.reached());
        return sent;
    }

    @Operation(summary = "The messages sent to the signup's volunteers, latest first")
    @GetMapping("/api/signups/{id}/announcements")
    List<Announcements.Announcement> list(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        signups.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("signup"));
        return announcements.ofSignup(admin.organisationId(), id);
    }
}
