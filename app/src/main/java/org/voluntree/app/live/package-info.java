/**
 * Live updates: every web node subscribes to {@code org:*:events} and pushes each event to the
 * authenticated WebSocket sessions of that organisation, and of no other.
 */
package org.voluntree.app.live;
