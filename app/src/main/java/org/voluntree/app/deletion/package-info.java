/**
 * Deleting a person's data: Facebook's data deletion callback ({@code signed_request} verified with
 * the app secret) answers a confirmation code and a status URL after erasing everything held under
 * the person's id and under every id merged with it: messages, volunteer records, hand replies,
 * opt-outs and conversation state, then their events still in the pipeline's queues and streams.
 * {@link org.voluntree.app.deletion.Erasures} tells the writer who was erased, so that a message
 * written before the erasure is not stored after it.
 */
package org.voluntree.app.deletion;
