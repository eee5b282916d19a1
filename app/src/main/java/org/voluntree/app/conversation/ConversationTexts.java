package org.voluntree.app.conversation;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.voluntree.app.facebook.OutgoingMessage;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;

/** The words of the Messenger dialog. */
final class ConversationTexts {

    static final String SLOT_PREFIX = "SLOT|";
    static final String DONE = "SLOTS_DONE";
    static final String SIGNUP_PREFIX = "SIGNUP|";
    /** Messenger cuts a quick reply's title at 20 characters. */
    private static final int BUTTON_TITLE = 20;

    private ConversationTexts() {}

    static OutgoingMessage askEmail(String signupTitle) {
        return OutgoingMessage.text("Great! To sign you up for " + signupTitle
                + ", please type your email address. We'll send you a 6-digit code to confirm it.");
    }

    static OutgoingMessage notAnEmail() {
        return OutgoingMessage.text(
                "That doesn't look like an email address. Please type it again, e.g. name@example.org.");
    }

    static OutgoingMessage pinSent(String email) {
        return OutgoingMessage.text("We've emailed a 6-digit code to " + email + ". Please type it here.");
    }

    static OutgoingMessage wrongPin(int attemptsLeft) {
        return OutgoingMessage.text(
                "That code doesn't match. " + attemptsLeft + (attemptsLeft == 1 ? " attempt" : " attempts") + " left.");
    }

    /** Said instead of a try at the code: a message with no 6-digit code in it uses no attempt. */
    static OutgoingMessage typeThePin(String email) {
        return OutgoingMessage.text(
                "Please type the 6-digit code we emailed to " + email + ". To use another address, type it instead.");
    }

    /**
     * The last try at a code was wrong; {@code nextCodeIn} is how long until another code may be sent
     * (zero: now).
     */
    static OutgoingMessage tooManyWrongPins(Duration nextCodeIn) {
        if (nextCodeIn.isZero() || nextCodeIn.isNegative()) {
            return OutgoingMessage.text(
                    "Too many wrong codes. Please type your email address again to get a new code.");
        }
        return OutgoingMessage.text("Too many wrong codes, and we've sent you several already. Please type your"
                + " email address again in " + in(nextCodeIn) + " to get a new code.");
    }

    /**
     * An address typed past the cap on codes: no code is sent. {@code latestSentTo} is where the code
     * that still works went, null when none does (it expired, or too many wrong ones were typed).
     */
    static OutgoingMessage tooManyPinEmails(String latestSentTo, Duration nextCodeIn) {
        return OutgoingMessage.text("We've sent you several codes already; please "
                + (latestSentTo == null ? "" : "use the latest one, sent to " + latestSentTo + ", or ")
                + "try again in " + in(nextCodeIn) + ".");
    }

    /** A wait in whole minutes, rounded up, or hours from an hour on. */
    private static String in(Duration wait) {
        long minutes = Math.max(1, (wait.toMillis() + 59_999) / 60_000);
        if (minutes == 1) {
            return "a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = (minutes + 59) / 60;
        return hours == 1 ? "an hour" : hours + " hours";
    }

    static OutgoingMessage pinExpired() {
        return OutgoingMessage.text("That code has expired. Please type your email address again to get a new one.");
    }

    /**
     * The slots of the event named {@code signupTitle} to pick from, numbered: a slot the person
     * already holds ({@code held}) is marked and not offered again, and so is one whose times overlap a
     * place they hold ({@code clashing}).
     */
    static OutgoingMessage chooseSlots(
            String intro, String signupTitle, List<Slot> slots, Set<Long> held, Set<Long> clashing, ZoneId zone) {
        if (slots.isEmpty()) {
            // an event whose dates have all passed: nothing to fill, and nothing is full
            return OutgoingMessage.text(intro + " There are no dates coming up for " + signupTitle
                    + " right now; keep an eye on our page for new ones.");
        }
        boolean open =
                slots.stream().anyMatch(s -> s.remaining() > 0 && !held.contains(s.id()) && !clashing.contains(s.id()));
        boolean holdsOne = slots.stream().anyMatch(s -> held.contains(s.id()));
        boolean clashes =
                slots.stream().anyMatch(s -> s.remaining() > 0 && !held.contains(s.id()) && clashing.contains(s.id()));
        if (!open && !holdsOne && !clashes) {
            return OutgoingMessage.text(intro + " All slots of " + signupTitle
                    + " are full right now; keep an eye on our page for new dates.");
        }
        String question;
        if (open) {
            question = " Which slot of " + signupTitle + " would you like?";
        } else if (clashes) {
            question = " The slots of " + signupTitle + " with places left overlap ones you're signed up for;"
                    + " tap Done to finish.";
        } else {
            question = " No other slot of " + signupTitle + " has places left; tap Done to finish.";
        }
        StringBuilder text = new StringBuilder(intro).append(question);
        List<OutgoingMessage.Button> replies = new ArrayList<>();
        int number = 0;
        for (Slot slot : slots) {
            number++;
            boolean mine = held.contains(slot.id());
            boolean clash = !mine && clashing.contains(slot.id());
            text.append("\n")
                    .append(number)
                    .append(") ")
                    .append(slot.describe(zone))
                    .append(" — ")
                    .append(slot.remaining() == 0 ? "full" : slot.remaining() + " left")
                    .append(mine ? ", you're signed up" : "")
                    .append(clash ? ", overlaps a slot you're signed up for" : "");
            if (!mine && !clash && slot.remaining() > 0 && replies.size() < 12) {
                replies.add(new OutgoingMessage.Button("#" + number + " " + slot.start(zone), SLOT_PREFIX + slot.id()));
            }
        }
        replies.add(new OutgoingMessage.Button("Done", DONE));
        return OutgoingMessage.withQuickReplies(text.toString(), replies);
    }

    /**
     * The events taking volunteers, numbered with the day each starts, for a person whose message did
     * not say which one (they wrote to the page, or said yes under a post made for none).
     */
    static OutgoingMessage chooseSignup(String intro, List<SignupStore.OpenSignup> open, ZoneId zone) {
        StringBuilder text = new StringBuilder(intro).append(" Which event would you like to help with?");
        List<OutgoingMessage.Button> replies = new ArrayList<>();
        int number = 0;
        for (SignupStore.OpenSignup signup : open) {
            number++;
            text.append("\n")
                    .append(number)
                    .append(") ")
                    .append(signup.title())
                    .append(" — from ")
                    .append(Slot.time(signup.firstStart(), zone));
            replies.add(new OutgoingMessage.Button(
                    shorten("#" + number + " " + signup.title()), SIGNUP_PREFIX + signup.id()));
        }
        return OutgoingMessage.withQuickReplies(text.toString(), replies);
    }

    private static String shorten(String title) {
        if (title.codePointCount(0, title.length()) <= BUTTON_TITLE) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, BUTTON_TITLE - 1)).strip() + "…";
    }

    /** What a person reads after picking a slot they hold already, before the menu. */
    static String alreadyIn(Slot slot, ZoneId zone) {
        return "You're already signed up for " + (slot == null ? "that slot" : slot.describe(zone)) + ".";
    }

    /**
     * What a person reads after picking a slot whose times overlap a place they hold ({@code held}, of
     * the event {@code heldEvent} when it is another one than the menu's, else null), before the menu.
     */
    static String overlapsHeld(Slot held, String heldEvent, ZoneId zone) {
        return "Sorry, that slot overlaps one you're already signed up for: "
                + (heldEvent == null ? "" : heldEvent + ", ") + held.describe(zone) + ".";
    }

    /** The event the person said yes to no longer takes volunteers: nothing else is offered in its place. */
    static OutgoingMessage signupClosed(String signupTitle) {
        return OutgoingMessage.text("Thank you for wanting to help! " + signupTitle
                + " is no longer taking signups. Keep an eye on our page for the next event.");
    }

    static OutgoingMessage confirmation(String signupTitle, List<Slot> mine, ZoneId zone) {
        if (mine.isEmpty()) {
            return OutgoingMessage.text("No problem — you haven't picked a slot for " + signupTitle
                    + ". Write to us any time if you change your mind.");
        }
        StringBuilder text = new StringBuilder("Thank you! You're signed up for ")
                .append(signupTitle)
                .append(":");
        for (Slot slot : mine) {
            text.append("\n• ").append(slot.describe(zone));
        }
        return OutgoingMessage.text(text.append("\nSee you there!").toString());
    }

    static OutgoingMessage declined() {
        return OutgoingMessage.text(
                "No problem, thanks for letting us know! Write to us any time if you change your mind.");
    }

    static OutgoingMessage optedOut() {
        return OutgoingMessage.text("You won't get any more automatic messages from us. Write to us any time.");
    }

    static OutgoingMessage noSignupOpen() {
        return OutgoingMessage.text(
                "Thank you! There's no signup open right now; we'll post the next one on our page.");
    }
}
