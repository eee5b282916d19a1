/**
 * Deleting a person's data: Facebook's data deletion callback ({@code signed_request} verified with
 * the app secret) answers a confirmation code and a status URL after erasing everything held under
 * the person's id and under every id merged with it: messages, volunteer records, hand replies,
 * opt-outs and conversation state.
 */
package org.voluntree.app.deletion;
