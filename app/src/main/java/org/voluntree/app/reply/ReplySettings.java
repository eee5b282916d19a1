package org.voluntree.app.reply;

import java.util.Set;

/**
 * What an organisation answers with and which replies go out on their own.
 *
 * @param organisationName used in the texts
 * @param eventInfo answers logistics questions when the signup's facts do not
 * @param requirementsInfo answers eligibility questions
 * @param donationInfo answers donation and payment questions
 * @param verificationRequired whether Messenger signups confirm their email with a PIN
 * @param automatic the intents whose replies are sent without an admin
 */
public record ReplySettings(
        String organisationName,
        String eventInfo,
        String requirementsInfo,
        String donationInfo,
        boolean verificationRequired,
        Set<String> automatic) {

    public ReplySettings {
        automatic = Set.copyOf(automatic);
    }
}
