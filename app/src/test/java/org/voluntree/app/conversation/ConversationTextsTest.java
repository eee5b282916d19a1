package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voluntree.app.facebook.OutgoingMessage;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;

class ConversationTextsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Instant SATURDAY = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void aMessageWithoutACodeWhileOneIsAwaitedNamesTheAddressItWentTo() {
        assertThat(ConversationTexts.typeThePin("maya@example.org").text())
                .isEqualTo("Please type the 6-digit code we emailed to maya@example.org."
                        + " To use another address, type it instead.");
    }

    @Test
    void pastTheCapOnCodesThePersonIsToldToUseTheLatestOrWhenToAskAgain() {
        assertThat(ConversationTexts.tooManyPinEmails(
                                "maya@example.org", Duration.ofMinutes(41).plusSeconds(10))
                        .text())
                .isEqualTo("We've sent you several codes already; please use the latest one, sent to"
                        + " maya@example.org, or try again in 42 minutes.");
        assertThat(ConversationTexts.tooManyPinEmails(
                                null, Duration.ofMinutes(59).plusSeconds(30))
                        .text())
                .as("no code to use: it expired or too many wrong ones were typed")
                .isEqualTo("We've sent you several codes already; please try again in an hour.");
        assertThat(ConversationTexts.tooManyPinEmails(null, Duration.ofSeconds(20))
                        .text())
                .isEqualTo("We've sent you several codes already; please try again in a minute.");
    }

    @Test
    void tooManyWrongCodesPromisesANewCodeOnlyWhenOneMayBeSent() {
        assertThat(ConversationTexts.tooManyWrongPins(Duration.ZERO).text())
                .isEqualTo("Too many wrong codes. Please type your email address again to get a new code.");
        assertThat(ConversationTexts.tooManyWrongPins(Duration.ofMinutes(30)).text())
                .isEqualTo("Too many wrong codes, and we've sent you several already. Please type your email"
                        + " address again in 30 minutes to get a new code.");
    }

    @Test
    void anEventWithNoDatesLeftSaysSoInsteadOfCallingItsSlotsFull() {
        OutgoingMessage message =
                ConversationTexts.chooseSlots("Great!", "Saturday food sort", List.of(), Set.of(), Set.of(), ZONE);

        assertThat(message.text())
                .isEqualTo("Great! There are no dates coming up for Saturday food sort right now;"
                        + " keep an eye on our page for new ones.");
        assertThat(message.quickReplies()).isEmpty();
    }

    @Test
    void theEventsToChooseFromAreNumberedWithTheirFirstDayAndZoneAndTheirButtonsFitMessenger() {
        OutgoingMessage message = ConversationTexts.chooseSignup(
                "Great!",
                List.of(
                        new SignupStore.OpenSignup(7, "Saturday food sort", SATURDAY),
                        new SignupStore.OpenSignup(
                                3, "Riverside park clean-up and picnic 🌳", SATURDAY.plusSeconds(86400))),
                ZONE);

        assertThat(message.text()).isEqualTo("""
                        Great! Which event would you like to help with?
                        1) Saturday food sort — from Sat 28 Nov 09:00 GMT
                        2) Riverside park clean-up and picnic 🌳 — from Sun 29 Nov 09:00 GMT""");
        assertThat(message.quickReplies())
                .extracting(OutgoingMessage.Button::title, OutgoingMessage.Button::payload)
                .containsExactly(tuple("#1 Saturday food so…", "SIGNUP|7"), tuple("#2 Riverside park c…", "SIGNUP|3"));
        assertThat(message.quickReplies())
                .allSatisfy(button -> assertThat(
                                button.title().codePointCount(0, button.title().length()))
                        .isLessThanOrEqualTo(20));
    }

    @Test
    void fullSlotsPromiseNothingTheSystemDoesNotDo() {
        Slot full = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), null, 2, 2);

        OutgoingMessage message =
                ConversationTexts.chooseSlots("Great!", "Saturday food sort", List.of(full), Set.of(), Set.of(), ZONE);

        assertThat(message.text())
                .isEqualTo(
                        "Great! All slots of Saturday food sort are full right now; keep an eye on our page for new dates.");
    }

    @Test
    void openSlotsAreOfferedAsNumberedQuickReplies() {
        Slot full = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "sorting", 2, 2);
        Slot open = new Slot(2, 1, SATURDAY.plusSeconds(4 * 3600), SATURDAY.plusSeconds(6 * 3600), null, 3, 1);

        OutgoingMessage message = ConversationTexts.chooseSlots(
                "Great!", "Saturday food sort", List.of(full, open), Set.of(), Set.of(), ZONE);

        assertThat(message.text())
                .startsWith("Great! Which slot of Saturday food sort would you like?")
                .contains("1) Sat 28 Nov 09:00–12:00 GMT (sorting) — full", "2) Sat 28 Nov 13:00–15:00 GMT — 2 left");
        assertThat(message.quickReplies())
                .extracting(OutgoingMessage.Button::title)
                .containsExactly("#2 Sat 28 Nov 13:00", "Done");
    }

    @Test
    void slotsThePersonHoldsAreMarkedAndNotOfferedAgain() {
        Slot mine = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "sorting", 3, 1);
        Slot open = new Slot(2, 1, SATURDAY.plusSeconds(4 * 3600), SATURDAY.plusSeconds(6 * 3600), null, 3, 1);

        OutgoingMessage message = ConversationTexts.chooseSlots(
                "You're in!", "Saturday food sort", List.of(mine, open), Set.of(1L), Set.of(), ZONE);

        assertThat(message.text())
                .contains(
                        "1) Sat 28 Nov 09:00–12:00 GMT (sorting) — 2 left, you're signed up",
                        "2) Sat 28 Nov 13:00–15:00 GMT — 2 left")
                .doesNotContain("15:00 GMT — 2 left, you're signed up");
        assertThat(message.quickReplies())
                .extracting(OutgoingMessage.Button::payload)
                .containsExactly("SLOT|2", "SLOTS_DONE");
    }

    @Test
    void aSlotOverlappingAPlaceThePersonHoldsIsMarkedAndNotOffered() {
        Slot mine = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "sorting", 3, 1);
        Slot clash = new Slot(2, 1, SATURDAY.plusSeconds(2 * 3600), SATURDAY.plusSeconds(4 * 3600), "packing", 3, 0);
        Slot later = new Slot(3, 1, SATURDAY.plusSeconds(5 * 3600), SATURDAY.plusSeconds(6 * 3600), null, 3, 0);

        OutgoingMessage message = ConversationTexts.chooseSlots(
                "You're in!", "Saturday food sort", List.of(mine, clash, later), Set.of(1L), Set.of(1L, 2L), ZONE);

        assertThat(message.text())
                .startsWith("You're in! Which slot of Saturday food sort would you like?")
                .contains(
                        "1) Sat 28 Nov 09:00–12:00 GMT (sorting) — 2 left, you're signed up\n",
                        "2) Sat 28 Nov 11:00–13:00 GMT (packing) — 3 left, overlaps a slot you're signed up for\n",
                        "3) Sat 28 Nov 14:00–15:00 GMT — 3 left");
        assertThat(message.quickReplies())
                .extracting(OutgoingMessage.Button::payload)
                .containsExactly("SLOT|3", "SLOTS_DONE");
    }

    @Test
    void whenEverySlotWithPlacesOverlapsAPlaceHeldElsewhereThePersonIsToldSoNotThatAllIsFull() {
        Slot clash = new Slot(2, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "packing", 3, 0);

        OutgoingMessage message = ConversationTexts.chooseSlots(
                "Great!", "Saturday food sort", List.of(clash), Set.of(), Set.of(2L), ZONE);

        assertThat(message.text())
                .startsWith("Great! The slots of Saturday food sort with places left overlap ones you're signed up"
                        + " for; tap Done to finish.")
                .contains("1) Sat 28 Nov 09:00–12:00 GMT (packing) — 3 left, overlaps a slot you're signed up for");
        assertThat(message.quickReplies())
                .extracting(OutgoingMessage.Button::payload)
                .containsExactly("SLOTS_DONE");
    }

    @Test
    void whenEverySlotWithPlacesIsHeldThePersonIsToldToTapDoneNotThatAllIsFull() {
        Slot mine = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "sorting", 1, 1);

        OutgoingMessage message = ConversationTexts.chooseSlots(
                "You're in!", "Saturday food sort", List.of(mine), Set.of(1L), Set.of(), ZONE);

        assertThat(message.text())
                .startsWith("You're in! No other slot of Saturday food sort has places left; tap Done to finish.")
                .contains("1) Sat 28 Nov 09:00–12:00 GMT (sorting) — full, you're signed up");
        assertThat(message.quickReplies())
                .extracting(OutgoingMessage.Button::payload)
                .containsExactly("SLOTS_DONE");
    }

    @Test
    void theConfirmationAndAPickOfAHeldSlotNameTheZoneOfTheTimes() {
        Slot summer = new Slot(
                1, 1, Instant.parse("2026-07-04T08:00:00Z"), Instant.parse("2026-07-04T11:00:00Z"), "sorting", 3, 1);

        assertThat(ConversationTexts.confirmation("Saturday food sort", List.of(summer), ZONE)
                        .text())
                .isEqualTo("Thank you! You're signed up for Saturday food sort:\n"
                        + "• Sat 4 Jul 09:00–12:00 BST (sorting)\nSee you there!");
        assertThat(ConversationTexts.alreadyIn(summer, ZONE))
                .isEqualTo("You're already signed up for Sat 4 Jul 09:00–12:00 BST (sorting).");
    }

    @Test
    void aPickOverlappingAHeldPlaceNamesThatPlaceWithItsTimeAndZoneAndItsEventWhenAnotherOne() {
        Slot held = new Slot(1, 7, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "litter", 3, 1);

        assertThat(ConversationTexts.overlapsHeld(held, null, ZONE))
                .isEqualTo("Sorry, that slot overlaps one you're already signed up for:"
                        + " Sat 28 Nov 09:00–12:00 GMT (litter).");
        assertThat(ConversationTexts.overlapsHeld(held, "Park clean-up", ZONE))
                .isEqualTo("Sorry, that slot overlaps one you're already signed up for:"
                        + " Park clean-up, Sat 28 Nov 09:00–12:00 GMT (litter).");
    }

    @Test
    void aClosedSignupIsNamedAndNothingElseIsOffered() {
        OutgoingMessage message = ConversationTexts.signupClosed("Sunday park clean-up");

        assertThat(message.text())
                .isEqualTo("Thank you for wanting to help! Sunday park clean-up is no longer taking signups."
                        + " Keep an eye on our page for the next event.");
        assertThat(message.quickReplies()).isEmpty();
        assertThat(message.buttons()).isEmpty();
    }
}
