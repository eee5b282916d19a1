package org.voluntree.app.facebook;

import java.time.Instant;

/**
 * A message of a Messenger conversation as the Conversations API lists it.
 *
 * @param id the message id ({@code m_…})
 * @param text what it says (a template's text)
 * @param fromId who sent it: the page or the person
 * @param createdAt when, to the second
 */
public record GraphMessage(String id, String text, String fromId, Instant createdAt) {}
