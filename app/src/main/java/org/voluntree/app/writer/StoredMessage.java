package org.voluntree.app.writer;

import org.voluntree.contracts.event.ClassifiedMessage;

/**
 * A classified message and where the writer put it; {@code sentimentShown} is how the dashboard shows
 * its stored sentiment ({@code null} without one). An echo of the page's own message is not stored
 * ({@code messageId} 0): only the Messenger dialog reads it.
 */
record StoredMessage(
        ClassifiedMessage message, long organisationId, long messageId, Long volunteerId, String sentimentShown) {

    static StoredMessage echo(ClassifiedMessage message, long organisationId) {
        return new StoredMessage(message, organisationId, 0, null, null);
    }

    /** Whether it is in {@code messages} (and so in the figures and the live feed). */
    boolean kept() {
        return messageId > 0;
    }
}
