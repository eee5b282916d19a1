package org.voluntree.app.conversation;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.voluntree.app.facebook.OutgoingMessage;
import org.voluntree.app.reply.SignupOffer;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;

/** The words of the Messenger dialog. */
final class ConversationTexts {

    static final String SLOT_PREFIX = "SLOT|";
    static final String DONE = "SLOTS_DONE";
    static final String SIGNUP_PREFIX = "SIGNUP|";
    /** A "More dates" button: the page of the slot menu starting at the index after it. */
    static final String PAGE_PREFIX = "SLOTS_PAGE|";
    /** A "Yes, cancel it" button, or a place of the which-place menu: gives up the place in that slot. */
    static final String CANCEL_PREFIX = "CANCEL|";
    /** "No, keep it": the person keeps their places. */
    static final String KEEP = "CANCEL_KEEP";
    /** A signup's title as a line of the which-place menu shows it, at most. */
    private static final int PLACE_TITLE = 60;
    /** Messenger cuts a quick reply's title at 20 characters. */
    private static final int BUTTON_TITLE = 20;
    /** Messenger refuses a text longer than 2,000 characters (the message is not delivered at all). */
    static final int MAX_TEXT = 2000;
    /** Messenger takes at most 13 quick replies. */
    private static final int MAX_QUICK_REPLIES = 13;
    /** Slots a menu lists at once: their buttons, "More dates" and "Done" make 12 quick replies. */
    static final int PAGE = 10;
    /** A slot's label as a menu line shows it, at most. */
    static final int MENU_LABEL = 40;
    /** Room kept for the line that says more dates follow. */
    private static final int MORE_LINE = 100;

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

    /** The PIN e-mail was given up on: the server refused the address, or kept deferring it. */
    static OutgoingMessage pinUndelivered(String email) {
        return OutgoingMessage.text(
                "Sorry, we couldn't deliver the code to " + email + ". Please type another email address.");
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
     * A page of the slot menu as sent: its message and the ids of the slots it numbers, in order, the
     * first numbered {@code first}.
     */
    record SlotMenu(OutgoingMessage message, List<Long> ids, int first) {}

    /**
     * A page of the slots of the event named {@code signupTitle} to pick from, all of them numbered in
     * time order (the page starts at index {@code from}; past the end, at the first): a slot the person
     * already holds ({@code held}) is marked and not offered again, and so is one whose times overlap a
     * place they hold ({@code clashing}). A page lists at most {@value #PAGE} slots, fewer when their
     * lines would make the message longer than Messenger takes, each label cut to {@value #MENU_LABEL}
     * characters; a "More dates" quick reply shows the next page ("Earlier dates" on the last, the
     * first again).
     */
    static SlotMenu slotMenu(
            String intro,
            String signupTitle,
            List<Slot> slots,
            int from,
            Set<Long> held,
            Set<Long> clashing,
            ZoneId zone) {
        if (slots.isEmpty()) {
            // an event whose dates have all passed: nothing to fill, and nothing is full
            return new SlotMenu(
                    OutgoingMessage.text(intro + " There are no dates coming up for " + signupTitle
                            + " right now; keep an eye on our page for new ones."),
                    List.of(),
                    1);
        }
        boolean open = slots.stream().anyMatch(s -> offered(s, held, clashing));
        boolean holdsOne = slots.stream().anyMatch(s -> held.contains(s.id()));
        boolean clashes =
                slots.stream().anyMatch(s -> s.remaining() > 0 && !held.contains(s.id()) && clashing.contains(s.id()));
        if (!open && !holdsOne && !clashes) {
            return new SlotMenu(
                    OutgoingMessage.text(intro + " All slots of " + signupTitle
                            + " are full right now; keep an eye on our page for new dates."),
                    List.of(),
                    1);
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
        int first = from > 0 && from < slots.size() ? from : 0;
        StringBuilder text = new StringBuilder(intro).append(question);
        List<OutgoingMessage.Button> replies = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int next = first;
        while (next < slots.size() && ids.size() < PAGE) {
            Slot slot = slots.get(next);
            int number = next + 1;
            boolean mine = held.contains(slot.id());
            boolean clash = !mine && clashing.contains(slot.id());
            String line = "\n" + number + ") " + shortLabel(slot).describe(zone) + " — "
                    + (slot.remaining() == 0 ? "full" : slot.remaining() + " left")
                    + (mine ? ", you're signed up" : "")
                    + (clash ? ", overlaps a slot you're signed up for" : "");
            if (!ids.isEmpty() && text.length() + line.length() + MORE_LINE > MAX_TEXT) {
                break;
            }
            text.append(line);
            ids.add(slot.id());
            if (offered(slot, held, clashing)) {
                replies.add(new OutgoingMessage.Button(button(number, slot, zone), SLOT_PREFIX + slot.id()));
            }
            next++;
        }
        if (next < slots.size()) {
            int later = slots.size() - next;
            text.append("\n")
                    .append(later)
                    .append(later == 1 ? " more date" : " more dates")
                    .append(": tap More dates or type \"more\".");
            replies.add(new OutgoingMessage.Button("More dates", PAGE_PREFIX + next));
        } else if (first > 0) {
            text.append("\nThat's all the dates: tap Earlier dates or type \"more\" for the first ones.");
            replies.add(new OutgoingMessage.Button("Earlier dates", PAGE_PREFIX + 0));
        }
        replies.add(new OutgoingMessage.Button("Done", DONE));
        return new SlotMenu(OutgoingMessage.withQuickReplies(text.toString(), replies), ids, first + 1);
    }

    /** Whether the menu offers a button for the slot: places left, not held, not overlapping a place held. */
    private static boolean offered(Slot slot, Set<Long> held, Set<Long> clashing) {
        return slot.remaining() > 0 && !held.contains(slot.id()) && !clashing.contains(slot.id());
    }

    /** Whether any of the slots can be picked by the person holding {@code held}. */
    static boolean anyToPick(List<Slot> slots, Set<Long> held, Set<Long> clashing) {
        return slots.stream().anyMatch(s -> offered(s, held, clashing));
    }

    /**
     * The answer to a "Yes" when no slot of the event can be picked (none to come, all full, the ones
     * with places held or overlapping places held): said at once, before any e-mail is asked for.
     */
    static OutgoingMessage nothingToPick(String signupTitle, List<Slot> slots, Set<Long> held, Set<Long> clashing) {
        String thanks = "Thank you for wanting to help!";
        if (slots.isEmpty()) {
            return OutgoingMessage.text(thanks + " There are no dates coming up for " + signupTitle
                    + " right now; keep an eye on our page for new ones.");
        }
        if (slots.stream().anyMatch(s -> held.contains(s.id()))) {
            return OutgoingMessage.text(thanks + " You're already signed up for " + signupTitle
                    + ", and no other slot has places left right now.");
        }
        if (slots.stream().anyMatch(s -> s.remaining() > 0 && clashing.contains(s.id()))) {
            return OutgoingMessage.text(thanks + " The slots of " + signupTitle
                    + " with places left overlap ones you're signed up for, so there's none to pick right now.");
        }
        return OutgoingMessage.text(thanks + " All slots of " + signupTitle
                + " are full right now; keep an eye on our page for new dates.");
    }

    /** The slot as the menu lists it: its label cut to {@value #MENU_LABEL} characters. */
    private static Slot shortLabel(Slot slot) {
        String label = slot.label();
        if (label == null || label.codePointCount(0, label.length()) <= MENU_LABEL) {
            return slot;
        }
        String cut =
                label.substring(0, label.offsetByCodePoints(0, MENU_LABEL - 1)).strip() + "…";
        return new Slot(
                slot.id(), slot.signupId(), slot.startsAt(), slot.endsAt(), cut, slot.required(), slot.confirmed());
    }

    /** "#12 Sat 28 Nov 09:00"; from #100 on without the weekday, to stay within 20 characters. */
    private static String button(int number, Slot slot, ZoneId zone) {
        String title = "#" + number + " " + slot.start(zone);
        if (title.length() > BUTTON_TITLE) {
            title = "#" + number + " " + slot.start(zone).substring(4);
        }
        return shorten(title);
    }

    /** What a person reads after taking a place, before the menu: the slot, with its time and zone. */
    static String booked(Slot slot, ZoneId zone) {
        return "You're in! Your place: " + slot.describe(zone) + ". Pick another slot or tap Done.";
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

    /**
     * The message cut to what Messenger takes, should it not fit: a text over 2,000 characters ends
     * in "…", quick replies beyond 13 are left out (keeping the last, "Done" in a menu), titles cut to
     * 20 characters. Menus are built to fit; this keeps a mistake from becoming silence.
     */
    static OutgoingMessage fitted(OutgoingMessage message) {
        String text = message.text();
        if (text != null && text.length() > MAX_TEXT) {
            int end = MAX_TEXT - 1;
            if (Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
            text = text.substring(0, end) + "…";
        }
        List<OutgoingMessage.Button> replies = message.quickReplies();
        if (replies.size() > MAX_QUICK_REPLIES) {
            List<OutgoingMessage.Button> kept = new ArrayList<>(replies.subList(0, MAX_QUICK_REPLIES - 1));
            kept.add(replies.get(replies.size() - 1));
            replies = kept;
        }
        replies = replies.stream()
                .map(b -> new OutgoingMessage.Button(shorten(b.title()), b.payload()))
                .toList();
        return new OutgoingMessage(text, message.buttons(), replies);
    }

    /** A title cut to 20 characters as the Send API counts them (UTF-16 units), never inside an emoji. */
    private static String shorten(String title) {
        if (title.length() <= BUTTON_TITLE) {
            return title;
        }
        int end = BUTTON_TITLE - 1;
        if (Character.isHighSurrogate(title.charAt(end - 1))) {
            end--;
        }
        return title.substring(0, end).strip() + "…";
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

    /** The event the person said yes to no longer takes volunteers, and no other has places to offer. */
    static OutgoingMessage signupClosed(String signupTitle) {
        return OutgoingMessage.text(closedIntro(signupTitle) + " Keep an eye on our page for the next event.");
    }

    /** What a "Yes" to an event that no longer takes volunteers hears first, before another is offered. */
    static String closedIntro(String signupTitle) {
        return "Thank you for wanting to help! " + signupTitle + " is no longer taking signups.";
    }

    /**
     * The event the person said yes to no longer takes volunteers; the one other event with places left
     * is offered with the Yes and No of the signup offer, its Yes naming that event.
     */
    static OutgoingMessage offerInstead(String closedTitle, SignupStore.OpenSignup other, ZoneId zone) {
        return OutgoingMessage.withButtons(
                closedIntro(closedTitle) + " Would you like to help with " + other.title() + " (from "
                        + Slot.time(other.firstStart(), zone) + ") instead?",
                new OutgoingMessage.Button("Yes, sign me up", SIGNUP_PREFIX + other.id()),
                new OutgoingMessage.Button("No, thanks", SignupOffer.no(null, null)));
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
        return OutgoingMessage.text(
                text.append("\nSee you there! If you can't make it after all, write \"cancel\" here.")
                        .toString());
    }

    /** An admin moved the slot the person holds a place in. */
    static OutgoingMessage slotMoved(SignupStore.Place place, ZoneId zone) {
        return OutgoingMessage.text("Update for " + place.title() + ": your place has moved to "
                + place.slot().describe(zone) + ". If you can't make it at the new time, write \"cancel\" here.");
    }

    /** The person's place is coming up. */
    static OutgoingMessage reminder(SignupStore.Place place, ZoneId zone) {
        return OutgoingMessage.text("A reminder from us: you have a place for " + place.title() + ", "
                + place.slot().describe(zone) + ". See you there! If you can't make it, write \"cancel\" here.");
    }

    /** An admin removed the slot the person held a place in. */
    static OutgoingMessage slotRemoved(String title, Slot removed, ZoneId zone) {
        return OutgoingMessage.text("Update for " + title + ": the organisers have removed the slot you had a place"
                + " in, " + removed.describe(zone) + ". If you'd like to help at another time, just tell us here.");
    }

    /** An admin gave the person's place up. */
    static OutgoingMessage placeTakenBack(SignupStore.Place place, ZoneId zone) {
        return OutgoingMessage.text("Update for " + place.title() + ": the organisers have cancelled your place, "
                + place.slot().describe(zone) + ". Write to us here if you have any questions.");
    }

    /** What an admin wrote to everyone with a place to come in the event. */
    static OutgoingMessage announcement(String title, String text) {
        return OutgoingMessage.text("A message from the organisers of " + title + ":\n\n" + text);
    }

    /** A request to cancel from someone who holds no place to come. */
    static OutgoingMessage nothingToCancel() {
        return OutgoingMessage.text("You don't have a place at any of our upcoming events, so there's nothing to"
                + " cancel. Write to us if that doesn't look right.");
    }

    /** The one place the person holds, to give up or keep. */
    static OutgoingMessage askCancelOne(SignupStore.Place place, ZoneId zone) {
        return OutgoingMessage.withButtons(
                "Would you like to give up your place for " + place.title() + ", "
                        + place.slot().describe(zone) + "?",
                new OutgoingMessage.Button(
                        "Yes, cancel it", CANCEL_PREFIX + place.slot().id()),
                new OutgoingMessage.Button("No, keep it", KEEP));
    }

    /** The places the person holds, numbered, to pick the one to give up. */
    static OutgoingMessage askCancelWhich(String intro, List<SignupStore.Place> places, ZoneId zone) {
        StringBuilder text =
                new StringBuilder(intro == null ? "" : intro + " ").append("Which place would you like to give up?");
        List<OutgoingMessage.Button> replies = new ArrayList<>();
        int number = 0;
        for (SignupStore.Place place : places) {
            number++;
            text.append("\n")
                    .append(number)
                    .append(") ")
                    .append(titleOf(place))
                    .append(", ")
                    .append(place.slot().describe(zone));
            replies.add(new OutgoingMessage.Button(
                    shorten("#" + number + " " + place.slot().start(zone)),
                    CANCEL_PREFIX + place.slot().id()));
        }
        replies.add(new OutgoingMessage.Button("Keep them all", KEEP));
        return OutgoingMessage.withQuickReplies(text.toString(), replies);
    }

    /**
     * The answer to "what did I sign up for?": the person's places to come, soonest first, at most a
     * page of them (given one more, it says there are more).
     */
    static OutgoingMessage yourPlaces(List<SignupStore.Place> places, ZoneId zone) {
        if (places.isEmpty()) {
            return OutgoingMessage.text("You don't have a place at any of our upcoming events. If you'd like to help,"
                    + " just tell us here.");
        }
        StringBuilder text = new StringBuilder(places.size() == 1 ? "Your place coming up:" : "Your places coming up:");
        for (SignupStore.Place place : places.subList(0, Math.min(PAGE, places.size()))) {
            text.append("\n• ")
                    .append(titleOf(place))
                    .append(", ")
                    .append(place.slot().describe(zone));
        }
        if (places.size() > PAGE) {
            text.append("\n…and more after those.");
        }
        return OutgoingMessage.text(
                text.append(places.size() == 1 ? "\nIf you can't make it" : "\nIf you can't make one")
                        .append(", write \"cancel\" here.")
                        .toString());
    }

    /** The event's title, shortened to fit a line of a list. */
    private static String titleOf(SignupStore.Place place) {
        return place.title().length() <= PLACE_TITLE
                ? place.title()
                : place.title().substring(0, PLACE_TITLE - 1).strip() + "…";
    }

    static OutgoingMessage placeGivenUp(SignupStore.Place place, ZoneId zone) {
        return OutgoingMessage.text("Done: your place for " + place.title() + ", "
                + place.slot().describe(zone) + ", is free for someone else now. Thanks for letting us know!");
    }

    /** The place named is not theirs (any more): given up already, taken back by an admin, or started. */
    static OutgoingMessage placeNotHeld() {
        return OutgoingMessage.text("You no longer have that place, so there's nothing to cancel.");
    }

    static OutgoingMessage placesKept(int places) {
        return OutgoingMessage.text(
                (places == 1 ? "OK, your place stays." : "OK, your places stay.") + " See you there!");
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
