package org.voluntree.app.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The organisation's answer texts and reply switches, as the Settings page reads and writes them.
 *
 * @param autoReplies the intents whose replies go out without an admin, a subset of {@link #INTENTS}
 */
public record OrganisationSettings(
        @Size(max = 5000) String eventInfo,
        @Size(max = 5000) String requirementsInfo,
        @Size(max = 5000) String donationInfo,
        @NotNull Boolean verificationRequired,
        @NotNull @Size(max = 20) List<String> autoReplies) {

    /** Every intent that can be answered automatically (the default of {@code organisations.auto_replies}). */
    public static final List<String> INTENTS = List.of(
            "volunteer", "how_to_signup", "event_question", "requirements_question", "donation", "appreciation");
}
