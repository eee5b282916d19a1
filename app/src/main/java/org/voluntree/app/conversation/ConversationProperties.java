package org.voluntree.app.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voluntree.conversation.*}.
 *
 * @param dialogTtl how long an unfinished dialog is remembered
 * @param humanTakeover how long the bot stays quiet after an admin replied by hand
 * @param pinTtl how long an emailed PIN is valid
 * @param maxPinAttempts wrong PINs before the person must ask for a new one
 * @param maxPinEmails PIN emails a person is sent within {@code pinEmailWindow}, whatever the addresses:
 *     each new code comes with {@code maxPinAttempts} tries, so the two bound the guesses per window
 * @param pinEmailWindow the window of {@code maxPinEmails}, sliding: at most that many codes in any span this long
 * @param zone the time zone slot times are shown in
 * @param reminderBefore how long before a slot starts its volunteers are reminded in Messenger (those who
 *     took the place earlier than that); zero for no reminders
 * @param reminderCheckEvery how often the scheduler looks for places to remind
 * @param outboxRelayEvery how often the scheduler pushes the queue jobs that waited for Redis
 *     ({@link org.voluntree.app.outbox.JobOutbox}: Messenger notices, posts to publish)
 */
@Validated
@ConfigurationProperties("voluntree.conversation")
public record ConversationProperties(
        @NotNull Duration dialogTtl,
        @NotNull Duration humanTakeover,
        @NotNull Duration pinTtl,
        @Min(1) @Max(10) int maxPinAttempts,
        @Min(1) @Max(10) int maxPinEmails,
        @NotNull Duration pinEmailWindow,
        @NotNull ZoneId zone,
        @NotNull Duration reminderBefore,
        @NotNull Duration reminderCheckEvery,
        @NotNull Duration outboxRelayEvery) {}
