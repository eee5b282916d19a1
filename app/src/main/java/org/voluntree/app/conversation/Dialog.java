package org.voluntree.app.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a person is in the signup dialog with a page.
 *
 * @param step what the bot waits for
 * @param signupId the signup they are joining; null while they choose one ({@link Step#CHOOSE_SIGNUP}) and
 *     while they choose a place to give up ({@link Step#CHOOSE_CANCEL})
 * @param email the address being verified
 * @param pinHash SHA-256 of the salt and the PIN sent, hex
 * @param pinSalt random salt of the PIN hash
 * @param pinExpiresAt when the PIN stops working
 * @param pinAttempts wrong PINs so far
 * @param pinMail the key of the e-mail job carrying the PIN (null in a dialog stored before it was kept): a
 *     notice that the mail could not be delivered concerns this dialog only while it waits for that PIN
 * @param menu the ids the last menu numbered, in order: slots (to pick, or to give up), or signups while choosing one (empty when
 *     none was sent, and in a dialog stored before menus were remembered); a number typed means one of these
 * @param menuFirst the number of the first of them (the menu shows a page of the slots: 11 on the second)
 */
record Dialog(
        Step step,
        Long signupId,
        String email,
        String pinHash,
        String pinSalt,
        Instant pinExpiresAt,
        int pinAttempts,
        String pinMail,
        List<Long> menu,
        Integer menuFirst) {

    Dialog {
        // absent from the JSON of a dialog stored by an older version
        menu = menu == null ? List.of() : List.copyOf(menu);
        menuFirst = menuFirst == null ? 1 : Math.max(menuFirst, 1);
    }

    enum Step {
        /** Several events take volunteers and nothing said which one: the person picks it. */
        CHOOSE_SIGNUP,
        AWAIT_EMAIL,
        AWAIT_PIN,
        CHOOSE_SLOTS,
        /** The person asked to cancel: they pick the place to give up, or keep it. */
        CHOOSE_CANCEL
    }

    static Dialog start(Step step, long signupId) {
        return new Dialog(step, signupId, null, null, null, null, 0, null, null, 1);
    }

    static Dialog choosingSignup() {
        return new Dialog(Step.CHOOSE_SIGNUP, null, null, null, null, null, 0, null, null, 1);
    }

    static Dialog cancelling() {
        return new Dialog(Step.CHOOSE_CANCEL, null, null, null, null, null, 0, null, null, 1);
    }

    Dialog awaitingPin(String email, String hash, String salt, Instant expiresAt, String mail) {
        return new Dialog(Step.AWAIT_PIN, signupId, email, hash, salt, expiresAt, 0, mail, null, 1);
    }

    Dialog wrongPin() {
        return new Dialog(
                step, signupId, email, pinHash, pinSalt, pinExpiresAt, pinAttempts + 1, pinMail, menu, menuFirst);
    }

    Dialog choosingSlots() {
        return new Dialog(Step.CHOOSE_SLOTS, signupId, email, null, null, null, 0, null, null, 1);
    }

    Dialog awaitingEmail() {
        return new Dialog(Step.AWAIT_EMAIL, signupId, null, null, null, null, 0, null, null, 1);
    }

    /** Whether the dialog waits for the PIN the e-mail job {@code mail} carries. */
    boolean awaitsPinOf(String mail) {
        return step == Step.AWAIT_PIN && mail.equals(pinMail);
    }

    /** The dialog once a menu numbering {@code ids} (slots, or signups to choose from) from {@code first} was sent. */
    Dialog showing(List<Long> ids, int first) {
        return new Dialog(step, signupId, email, pinHash, pinSalt, pinExpiresAt, pinAttempts, pinMail, ids, first);
    }

    /** The id numbered {@code number} in the last menu sent, if it listed one. */
    Optional<Long> numbered(int number) {
        int index = number - menuFirst;
        return index >= 0 && index < menu.size() ? Optional.of(menu.get(index)) : Optional.empty();
    }

    /** Where in the signup's slots the page after the last menu starts (0-based). */
    int nextPage() {
        return menuFirst - 1 + menu.size();
    }

    /** Where in the signup's slots the last menu started (0-based). */
    int page() {
        return menuFirst - 1;
    }
}
