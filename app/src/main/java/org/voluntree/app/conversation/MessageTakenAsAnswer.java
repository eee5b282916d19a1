package org.voluntree.app.conversation;

/**
 * The event published on {@code org:{id}:events} when the signup dialog took a message as an answer
 * (an e-mail address, a PIN, a slot choice, "done"): from then on the dashboard shows it uncoloured,
 * whatever {@code message.classified} for it said or says again, as {@code /api/messages} does.
 * Ids only, never the text.
 */
record MessageTakenAsAnswer(String type, long organisationId, long messageId) {

    static final String TYPE = "message.dialog_answer";

    MessageTakenAsAnswer(long organisationId, long messageId) {
        this(TYPE, organisationId, messageId);
    }
}
