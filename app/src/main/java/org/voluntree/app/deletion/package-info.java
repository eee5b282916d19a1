/**
 * Deleting a person's data: Facebook's data deletion callback ({@code signed_request} verified with
 * the app secret) answers a confirmation code and a status URL after erasing the person's
 * messages, volunteer records and conversation state.
 */
package org.voluntree.app.deletion;
