/**
 * Messenger conversations: the signup dialog per person and page (consent, email with a 6-digit
 * PIN sent through {@code q:email}, slot choice with the places left, confirmation), "stop" opting
 * out everywhere, the 24-hour messaging window, and the bot stepping aside when an admin replies
 * by hand. Dialog state lives in Redis with an expiry.
 */
package org.voluntree.app.conversation;
