/** Inbox: Messenger conversations as chats, an admin taking one over from the bot and replying by hand. */
package org.voluntree.app.inbox;
