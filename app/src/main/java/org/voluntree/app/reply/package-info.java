/**
 * The reply queue: the writer puts every stored message on {@code q:reply}, and reply workers hand
 * each one to the handler that answers it (comment replies, Messenger conversations).
 */
package org.voluntree.app.reply;
