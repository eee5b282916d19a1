package org.voluntree.app.conversation;

import org.springframework.stereotype.Component;

/**
 * An admin's hold on a Messenger conversation: while taken over, the bot stays quiet (for
 * {@code voluntree.conversation.human-takeover}, as after a reply by hand); handing back lets it
 * answer again at once.
 */
@Component
public class HumanTakeover {

    private final DialogStore dialogs;

    HumanTakeover(DialogStore dialogs) {
        this.dialogs = dialogs;
    }

    public void takeOver(String pageId, String psid) {
        dialogs.pause(pageId, psid);
    }

    public void handBack(String pageId, String psid) {
        dialogs.resume(pageId, psid);
    }

    public boolean takenOver(String pageId, String psid) {
        return dialogs.paused(pageId, psid);
    }

    /** Whether the person wrote within the last 24 hours, so a reply needs no message tag. */
    public boolean windowOpen(String pageId, String psid) {
        return dialogs.windowOpen(pageId, psid);
    }
}
