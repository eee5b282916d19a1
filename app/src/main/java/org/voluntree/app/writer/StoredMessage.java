package org.voluntree.app.writer;

import org.voluntree.contracts.event.ClassifiedMessage;

/**
 * A classified message and where the writer put it; {@code sentimentShown} is how the dashboard shows
 * its stored sentiment ({@code null} without one).
 */
record StoredMessage(
        ClassifiedMessage message, long organisationId, long messageId, Long volunteerId, String sentimentShown) {}
