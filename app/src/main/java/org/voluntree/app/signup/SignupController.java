package org.voluntree.app.signup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.api.ApiErrorBodies;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.api.PlannedTimes;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code /api/signups}: an organisation's events with their dates x slots and how full each slot is. */
@Tag(name = "Signups", description = "Events with dates x slots")
@RestController
@ConditionalOnRole(Role.WEB)
class SignupController {

    private final SignupStore signups;
    private final SignupEvents events;
    private final ApplicationEventPublisher published;
    private final TransactionTemplate transaction;
    /** The zone a roster's times are written in: the one the volunteers read them in. */
    private final ZoneId zone;

    SignupController(
            SignupStore signups,
            SignupEvents events,
            ApplicationEventPublisher published,
            TransactionTemplate transaction,
            @Value("${voluntree.conversation.zone:UTC}") ZoneId zone) {
        this.signups = signups;
        this.events = events;
        this.published = published;
        this.transaction = transaction;
        this.zone = zone;
    }

    @Operation(summary = "The organisation's signups with their slots")
    @GetMapping("/api/signups")
    List<SignupView> list(@AuthenticationPrincipal AdminAccount admin) {
        return signups.ofOrganisation(admin.organisationId());
    }

    @Operation(summary = "One signup with its slots and how full each is")
    @GetMapping("/api/signups/{id}")
    SignupView get(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        return signups.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("signup"));
    }

    /** Per slot, the volunteers confirmed in it. */
    @Operation(summary = "The volunteers confirmed in each slot")
    @GetMapping("/api/signups/{id}/volunteers")
    List<SlotVolunteers> volunteers(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        signups.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("signup"));
        return signups.volunteersBySlot(id);
    }

    @Operation(
            summary = "The signup's roster as CSV: every place with its slot's times (in the organisation's time"
                    + " zone), who holds it and the e-mail they verified")
    @GetMapping(value = "/api/signups/{id}/volunteers.csv", produces = "text/csv")
    ResponseEntity<byte[]> roster(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        signups.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("signup"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"signup-" + id + "-volunteers.csv\"")
                .body(RosterCsv.write(signups.roster(id), zone).getBytes(StandardCharsets.UTF_8));
    }

    @Operation(summary = "Creates a signup with its slots")
    @PostMapping("/api/signups")
    @ResponseStatus(HttpStatus.CREATED)
    SignupView create(@AuthenticationPrincipal AdminAccount admin, @Valid @RequestBody SignupRequest request) {
        Permissions.requireWriter(admin);
        checkSlots(request);
        Instant now = Instant.now();
        for (int i = 0; i < request.slots().size(); i++) {
            // a new event's dates are to come (an edit may keep slots that have passed)
            if (request.slots().get(i).startsAt().isBefore(now)) {
                throw InvalidFieldException.of("slots[" + i + "].startsAt", "is in the past");
            }
        }
        long id = signups.create(admin.organisationId(), request);
        events.changed(admin.organisationId(), id);
        return signups.find(admin.organisationId(), id).orElseThrow();
    }

    @Operation(
            summary = "Edits a signup; slots sent with their id keep their volunteers, who are told new times in"
                    + " Messenger (409 before removing confirmed ones, or moving a slot onto times that overlap another"
                    + " place of someone in it)")
    @PutMapping("/api/signups/{id}")
    SignupView update(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable long id,
            @Valid @RequestBody SignupRequest request) {
        Permissions.requireWriter(admin);
        checkSlots(request);
        // the edit, the notices of the places it changed and the jobs that rewrite its posts in one transaction
        // (the listeners of PlaceChanged and SignupEdited keep them with it): a committed edit always has them,
        // a refused one has none
        SignupView after = transaction.execute(status -> {
            List<Slot> before = signups.find(admin.organisationId(), id)
                    .map(SignupView::slots)
                    .orElse(List.of());
            // who held the places of a slot the edit may remove: gone with it once it is
            List<SlotVolunteers> peopleBefore = before.isEmpty() ? List.of() : signups.volunteersBySlot(id);
            if (!signups.update(admin.organisationId(), id, request)) {
                throw Permissions.notFound("signup");
            }
            SignupView edited = signups.find(admin.organisationId(), id).orElseThrow();
            publishPlaceChanges(admin.organisationId(), id, before, peopleBefore, edited.slots());
            // the posts that list its schedule are written again (their jobs kept with the edit too)
            published.publishEvent(new SignupEdited(admin.organisationId(), id));
            return edited;
        });
        events.changed(admin.organisationId(), id);
        return after;
    }

    /**
     * The places the edit changed, for the volunteers to be told: slots removed with people in them, and
     * slots with people in them moved to other times.
     */
    private void publishPlaceChanges(
            long organisationId,
            long signupId,
            List<Slot> before,
            List<SlotVolunteers> peopleBefore,
            List<Slot> after) {
        for (SlotVolunteers held : peopleBefore) {
            Optional<Slot> removed = before.stream()
                    .filter(b -> b.id() == held.slotId() && after.stream().noneMatch(a -> a.id() == b.id()))
                    .findFirst();
            if (removed.isPresent() && !held.volunteers().isEmpty()) {
                published.publishEvent(new PlaceChanged.SlotRemoved(
                        organisationId,
                        held.slotId(),
                        signupId,
                        removed.get().startsAt(),
                        removed.get().endsAt(),
                        held.volunteers().stream()
                                .map(SlotVolunteers.Confirmed::volunteerId)
                                .toList()));
            }
        }
        for (Slot slot : after) {
            boolean moved = before.stream()
                    .anyMatch(b -> b.id() == slot.id()
                            && b.confirmed() > 0
                            && (!b.startsAt().equals(slot.startsAt())
                                    || !b.endsAt().equals(slot.endsAt())));
            if (moved) {
                published.publishEvent(
                        new PlaceChanged.SlotMoved(organisationId, slot.id(), slot.startsAt(), slot.endsAt()));
            }
        }
    }

    @Operation(
            summary = "Gives up a volunteer's place in a slot (the id listed for the slot, or any id merged with it);"
                    + " the place is free for someone else at once, and the volunteer is told in Messenger")
    @DeleteMapping("/api/signups/{id}/slots/{slotId}/volunteers/{volunteerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePlace(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable long id,
            @PathVariable long slotId,
            @PathVariable long volunteerId) {
        Permissions.requireWriter(admin);
        signups.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("signup"));
        // the place and the volunteer's notice (PlaceChanged's listener keeps it) in one transaction
        transaction.executeWithoutResult(status -> {
            if (!signups.removePlace(admin.organisationId(), id, slotId, volunteerId)) {
                throw Permissions.notFound("place of that volunteer in that slot of the signup");
            }
            published.publishEvent(new PlaceChanged.PlaceTakenBack(admin.organisationId(), slotId, volunteerId));
        });
        // the dashboards' slot lists and fill counts; a post's schedule lists what is needed, not who, so it stays
        events.changed(admin.organisationId(), id);
    }

    /** 409: the edit would take confirmed volunteers' places; nothing was changed. */
    @ExceptionHandler(SlotsHaveVolunteersException.class)
    ResponseEntity<Map<String, String>> slotsHaveVolunteers(SlotsHaveVolunteersException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiErrorBodies.of(HttpStatus.CONFLICT, "removeConfirmedVolunteers", e.getMessage()));
    }

    /** 409: the edit would give people two places at once; nothing was changed. */
    @ExceptionHandler(SlotsWouldOverlapException.class)
    ResponseEntity<Map<String, String>> slotsWouldOverlap(SlotsWouldOverlapException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiErrorBodies.of(HttpStatus.CONFLICT, e.field(), e.getMessage()));
    }

    private static void checkSlots(SignupRequest request) {
        Set<List<Instant>> times = new HashSet<>();
        Instant now = Instant.now();
        for (int i = 0; i < request.slots().size(); i++) {
            SignupRequest.SlotRequest slot = request.slots().get(i);
            PlannedTimes.requireNotTooFarAhead("slots[" + i + "].startsAt", slot.startsAt(), now);
            PlannedTimes.requireNotTooFarAhead("slots[" + i + "].endsAt", slot.endsAt(), now);
            if (!slot.endsAt().isAfter(slot.startsAt())) {
                throw InvalidFieldException.of("slots[" + i + "].endsAt", "must be after startsAt");
            }
            if (!times.add(List.of(slot.startsAt(), slot.endsAt()))) {
                throw InvalidFieldException.of("slots[" + i + "]", "has the same times as an earlier slot");
            }
        }
    }
}
