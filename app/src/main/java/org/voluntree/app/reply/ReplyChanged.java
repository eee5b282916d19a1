package org.voluntree.app.reply;

/**
 * The event published on {@code org:{id}:events} when the outcome of a reply to a Messenger
 * message or postback ({@code messageKind}) was recorded, {@code status} sent or failed: the Inbox
 * reloads the conversation, which until then shows the bot's answer as pending.
 */
public record ReplyChanged(String type, long organisationId, long messageId, String messageKind, String kind,
        String status) {

    public static final String TYPE = "reply.changed";
}
