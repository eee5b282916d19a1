package org.voluntree.app.mail;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.voluntree.app.reply.MessageToAnswer;

/**
 * A job of {@code q:email}.
 *
 * @param key identifies the email, so that a retried job is not sent twice
 * @param organisationId whose email it is
 * @param to the address
 * @param subject the subject
 * @param body the plain-text body
 * @param ifUndelivered the {@code q:reply} job to queue when the mail is given up on (refused for good,
 *     or its retries spent): the Messenger dialog's notice to the person who asked for the mail; null
 *     when nobody is to be told
 */
public record EmailJob(
        String key,
        long organisationId,
        String to,
        String subject,
        String body,
        @JsonInclude(JsonInclude.Include.NON_NULL) MessageToAnswer ifUndelivered) {

    /** A mail nobody is told about if it cannot be delivered. */
    public EmailJob(String key, long organisationId, String to, String subject, String body) {
        this(key, organisationId, to, subject, body, null);
    }

    @Override
    public String toString() {
        return "EmailJob[key=" + key + ", organisationId=" + organisationId + ", to=<hidden>, subject=" + subject
                + (ifUndelivered == null ? "" : ", ifUndelivered=" + ifUndelivered.replyTarget()) + "]";
    }
}
