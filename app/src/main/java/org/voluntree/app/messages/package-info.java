/** Read access to an organisation's stored messages and their classifications. */
package org.voluntree.app.messages;
