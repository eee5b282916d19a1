/**
 * Chat between an organisation's admins: sessions, their members and messages, delivered live to
 * every member's WebSocket through the organisation's Redis channel, and deleted after the
 * retention period.
 */
package org.voluntree.app.chat;
