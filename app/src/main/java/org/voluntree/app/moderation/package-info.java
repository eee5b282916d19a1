/** Moderation: offensive or hateful comments queued for an admin, who hides, unhides, deletes or dismisses them on Facebook. */
package org.voluntree.app.moderation;
