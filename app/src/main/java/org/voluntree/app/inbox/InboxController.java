package org.voluntree.app.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.conversation.HumanTakeover;
import org.voluntree.app.live.LiveEvents;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * {@code /api/inbox}: Messenger conversations by page and person, one as a thread, taking it over
 * from the bot or handing it back, and replying by hand.
 */
@Tag(name = "Inbox", description = "Messenger conversations")
@RestController
@ConditionalOnRole(Role.WEB)
class InboxController {

    /** One conversation as a chat, and whether the bot or an admin answers it. */
    record ConversationThread(
            String pageId,
            String psid,
            String name,
            boolean takenOver,
            boolean windowOpen,
            List<InboxQueries.Entry> entries) {}

    /** A reply an admin typed. */
    record HandReply(@NotBlank @Size(max = 2000) String text) {}

    private final InboxQueries inbox;
    private final HumanTakeover takeover;
    private final HandReplies replies;
    private final LiveEvents events;

    InboxController(InboxQueries inbox, HumanTakeover takeover, HandReplies replies, LiveEvents events) {
        this.inbox = inbox;
        this.takeover = takeover;
        this.replies = replies;
        this.events = events;
    }

    @Operation(summary = "Conversations, latest first")
    @GetMapping("/api/inbox")
    List<InboxQueries.Conversation> conversations(@AuthenticationPrincipal AdminAccount admin) {
        return inbox.conversations(admin.organisationId(), 200);
    }

    @Operation(summary = "One conversation: the person's messages and every answer sent")
    @GetMapping("/api/inbox/{pageId}/{psid}")
    ConversationThread thread(
            @AuthenticationPrincipal AdminAccount admin, @PathVariable String pageId, @PathVariable String psid) {
        String name = inbox.person(admin.organisationId(), pageId, psid)
                .orElseThrow(() -> Permissions.notFound("conversation"));
        return new ConversationThread(
                pageId,
                psid,
                name,
                takeover.takenOver(pageId, psid),
                takeover.windowOpen(pageId, psid),
                inbox.thread(admin.organisationId(), pageId, psid, 300));
    }

    @Operation(summary = "An admin takes the conversation over: the bot stays quiet")
    @PostMapping("/api/inbox/{pageId}/{psid}/takeover")
    Map<String, Object> takeOver(
            @AuthenticationPrincipal AdminAccount admin, @PathVariable String pageId, @PathVariable String psid) {
        check(admin, pageId, psid);
        takeover.takeOver(pageId, psid);
        changed(admin, pageId, psid, "takeover");
        return Map.of("takenOver", true);
    }

    @Operation(summary = "Hands the conversation back to the bot")
    @PostMapping("/api/inbox/{pageId}/{psid}/handback")
    Map<String, Object> handBack(
            @AuthenticationPrincipal AdminAccount admin, @PathVariable String pageId, @PathVariable String psid) {
        check(admin, pageId, psid);
        takeover.handBack(pageId, psid);
        changed(admin, pageId, psid, "handback");
        return Map.of("takenOver", false);
    }

    @Operation(summary = "Sends a message by hand (within Messenger's reply window)")
    @PostMapping("/api/inbox/{pageId}/{psid}/messages")
    ConversationThread reply(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable String pageId,
            @PathVariable String psid,
            @Valid @RequestBody HandReply request) {
        check(admin, pageId, psid);
        try {
            replies.send(admin.organisationId(), admin.adminId(), pageId, psid, request.text());
        } finally {
            changed(admin, pageId, psid, "reply");
        }
        return thread(admin, pageId, psid);
    }

    /** The other admins' inboxes show the change without a reload. */
    private void changed(AdminAccount admin, String pageId, String psid, String what) {
        events.publish(
                admin.organisationId(),
                LiveEvents.CONVERSATION_CHANGED,
                Map.of("pageId", pageId, "psid", psid, "change", what, "adminId", admin.adminId()));
    }

    private void check(AdminAccount admin, String pageId, String psid) {
        Permissions.requireWriter(admin);
        inbox.person(admin.organisationId(), pageId, psid).orElseThrow(() -> Permissions.notFound("conversation"));
    }
}
