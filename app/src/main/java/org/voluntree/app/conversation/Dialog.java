package org.voluntree.app.conversation;

import java.time.Instant;

/**
 * Where a person is in the signup dialog with a page.
 *
 * @param step what the bot waits for
 * @param signupId the signup they are joining; null while they choose one ({@link Step#CHOOSE_SIGNUP})
 * @param email the address being verified
 * @param pinHash SHA-256 of the salt and the PIN sent, hex
 * @param pinSalt random salt of the PIN hash
 * @param pinExpiresAt when the PIN stops working
 * @param pinAttempts wrong PINs so far
 */
record Dialog(
        Step step, Long signupId, String email, String pinHash, String pinSalt, Instant pinExpiresAt, int pinAttempts) {

    enum Step {
        /** Several events take volunteers and nothing said which one: the person picks it. */
        CHOOSE_SIGNUP,
        AWAIT_EMAIL,
        AWAIT_PIN,
        CHOOSE_SLOTS
    }

    static Dialog start(Step step, long signupId) {
        return new Dialog(step, signupId, null, null, null, null, 0);
    }

    static Dialog choosingSignup() {
        return new Dialog(Step.CHOOSE_SIGNUP, null, null, null, null, null, 0);
    }

    Dialog awaitingPin(String email, String hash, String salt, Instant expiresAt) {
        return new Dialog(Step.AWAIT_PIN, signupId, email, hash, salt, expiresAt, 0);
    }

    Dialog wrongPin() {
        return new Dialog(step, signupId, email, pinHash, pinSalt, pinExpiresAt, pinAttempts + 1);
    }

    Dialog choosingSlots() {
        return new Dialog(Step.CHOOSE_SLOTS, signupId, email, null, null, null, 0);
    }

    Dialog awaitingEmail() {
        return new Dialog(Step.AWAIT_EMAIL, signupId, null, null, null, null, 0);
    }
}
