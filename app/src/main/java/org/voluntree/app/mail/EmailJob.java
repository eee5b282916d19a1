package org.voluntree.app.mail;

/**
 * A job of {@code q:email}.
 *
 * @param key identifies the email, so that a retried job is not sent twice
 * @param organisationId whose email it is
 * @param to the address
 * @param subject the subject
 * @param body the plain-text body
 */
public record EmailJob(String key, long organisationId, String to, String subject, String body) {

    @Override
    public String toString() {
        return "EmailJob[key=" + key + ", organisationId=" + organisationId + ", to=<hidden>, subject=" + subject + "]";
    }
}
