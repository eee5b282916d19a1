package org.voluntree.app.writer;

import org.voluntree.contracts.event.ClassifiedMessage;

/** A classified message and where the writer put it. */
record StoredMessage(ClassifiedMessage message, long organisationId, long messageId, Long volunteerId) {}
