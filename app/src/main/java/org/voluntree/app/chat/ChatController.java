package org.voluntree.app.chat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.api.ForbiddenException;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.api.NotFoundException;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * Chat sessions of an organisation's admins. Any admin of the organisation may read a session;
 * members post, and every member's WebSocket receives each message, whichever web node it is on.
 */
@RestController
@Validated
@ConditionalOnRole(Role.WEB)
@Tag(name = "Chat", description = "Chat sessions between an organisation's admins")
class ChatController {

    /** A new session: its title and who else to add (admins of the same organisation). */
    record NewSession(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 100) List<Long> memberIds) {}

    /** A message to post. */
    record NewMessage(@NotBlank @Size(max = 4000) String text) {}

    private final ChatSessions sessions;
    private final ChatEvents events;

    ChatController(ChatSessions sessions, ChatEvents events) {
        this.sessions = sessions;
        this.events = events;
    }

    @PostMapping("/api/chat/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a session; you and the admins named in memberIds are its members")
    ChatSessions.Session create(@AuthenticationPrincipal AdminAccount admin, @Valid @RequestBody NewSession request) {
        List<Long> members = new ArrayList<>();
        members.add(admin.adminId());
        if (request.memberIds() != null) {
            request.memberIds().stream()
                    .filter(id -> id != null && !members.contains(id))
                    .forEach(members::add);
        }
        List<Long> strangers = sessions.strangers(admin.organisationId(), members);
        if (!strangers.isEmpty()) {
            throw InvalidFieldException.of("memberIds", "no admin " + strangers + " in your organisation");
        }
        long id = sessions.create(
                admin.organisationId(), admin.adminId(), request.title().strip());
        sessions.join(id, members);
        return session(admin, id);
    }

    @GetMapping("/api/chat/sessions")
    @Operation(summary = "Your sessions with their members; with all=true, every session of your organisation")
    List<ChatSessions.Session> list(
            @AuthenticationPrincipal AdminAccount admin, @RequestParam(defaultValue = "false") boolean all) {
        return all ? sessions.all(admin.organisationId()) : sessions.of(admin.organisationId(), admin.adminId());
    }

    @GetMapping("/api/chat/sessions/{id}")
    @Operation(summary = "One session with its members")
    ChatSessions.Session get(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        return session(admin, id);
    }

    @PostMapping("/api/chat/sessions/{id}/join")
    @Operation(summary = "Join a session of your organisation")
    ChatSessions.Session join(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        session(admin, id);
        sessions.join(id, List.of(admin.adminId()));
        return session(admin, id);
    }

    @PostMapping("/api/chat/sessions/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message; every member receives it on /ws/events as a chat.message event")
    ChatSessions.Message post(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable long id,
            @Valid @RequestBody NewMessage request) {
        ChatSessions.Session session = session(admin, id);
        if (session.members().stream().noneMatch(m -> m.adminId() == admin.adminId())) {
            throw ForbiddenException.because("join session " + id + " before posting in it");
        }
        ChatSessions.Message message = sessions.post(id, admin.adminId(), request.text());
        events.posted(admin.organisationId(), session, message);
        return message;
    }

    @GetMapping("/api/chat/sessions/{id}/messages")
    @Operation(summary = "A session's history, oldest first; page back with before=<oldest id you have>")
    List<ChatSessions.Message> history(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable long id,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        session(admin, id);
        return sessions.history(id, before, limit);
    }

    private ChatSessions.Session session(AdminAccount admin, long id) {
        return sessions.find(admin.organisationId(), id).orElseThrow(() -> NotFoundException.forId("chat session", id));
    }
}
