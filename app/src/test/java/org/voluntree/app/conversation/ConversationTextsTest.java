package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voluntree.app.facebook.OutgoingMessage;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;

class ConversationTextsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Instant SATURDAY = Instant.parse("2026-11-28T09:00:00Z");

    /** The first page of the slot menu. */
    private static OutgoingMessage menu(
            String intro, String title, List<Slot> slots, Set<Long> held, Set<Long> clashing, ZoneId zone) {
        return ConversationTexts.slotMenu(intro, title, slots, 0, held, clashing, zone)
                .message();
    }

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
        OutgoingMessage message = menu("Great!", "Saturday food sort", List.of(), Set.of(), Set.of(), ZONE);

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

        OutgoingMessage message = menu("Great!", "Saturday food sort", List.of(full), Set.of(), Set.of(), ZONE);

        assertThat(message.text())
                .isEqualTo(
                        "Great! All slots of Saturday food sort are full right now; keep an eye on our page for new dates.");
    }

    @Test
    void openSlotsAreOfferedAsNumberedQuickReplies() {
        Slot full = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "sorting", 2, 2);
        Slot open = new Slot(2, 1, SATURDAY.plusSeconds(4 * 3600), SATURDAY.plusSeconds(6 * 3600), null, 3, 1);

        OutgoingMessage message = menu("Great!", "Saturday food sort", List.of(full, open), Set.of(), Set.of(), ZONE);

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

        OutgoingMessage message =
                menu("You're in!", "Saturday food sort", List.of(mine, open), Set.of(1L), Set.of(), ZONE);

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

        OutgoingMessage message =
                menu("You're in!", "Saturday food sort", List.of(mine, clash, later), Set.of(1L), Set.of(1L, 2L), ZONE);

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

        OutgoingMessage message = menu("Great!", "Saturday food sort", List.of(clash), Set.of(), Set.of(2L), ZONE);

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

        OutgoingMessage message = menu("You're in!", "Saturday food sort", List.of(mine), Set.of(1L), Set.of(), ZONE);

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
                        + "• Sat 4 Jul 09:00–12:00 BST (sorting)\nSee you there! If you can't make it after all,"
                        + " write \"cancel\" here.");
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

    private static List<Slot> shifts(int count, String label) {
        List<Slot> slots = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Instant start = SATURDAY.plusSeconds(n * 4 * 3600L);
            slots.add(new Slot(n, 1, start, start.plusSeconds(3 * 3600), label == null ? "shift " + n : label, 3, 0));
        }
        return slots;
    }

    private static void fitsMessenger(OutgoingMessage message) {
        assertThat(message.text().length()).isLessThanOrEqualTo(2000);
        assertThat(message.quickReplies()).hasSizeLessThanOrEqualTo(13);
        assertThat(message.quickReplies())
                .allSatisfy(b -> assertThat(b.title().length()).isLessThanOrEqualTo(20));
    }

    @Test
    void sixtySlotsAreListedTenAtATimeAndMoreDatesShowsTheNextTen() {
        List<Slot> slots = shifts(60, null);

        ConversationTexts.SlotMenu first =
                ConversationTexts.slotMenu("Great!", "Saturday food sort", slots, 0, Set.of(), Set.of(), ZONE);

        fitsMessenger(first.message());
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.ids()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(first.message().text())
                .contains("1) Sat 28 Nov 13:00–16:00 GMT (shift 1) — 3 left")
                .contains("10) ")
                .doesNotContain("11) ")
                .endsWith("\n50 more dates: tap More dates or type \"more\".");
        assertThat(first.message().quickReplies())
                .extracting(OutgoingMessage.Button::title)
                .hasSize(12)
                .startsWith("#1 Sat 28 Nov 13:00")
                .endsWith("More dates", "Done");
        assertThat(first.message().quickReplies().get(10).payload()).isEqualTo("SLOTS_PAGE|10");

        ConversationTexts.SlotMenu second = ConversationTexts.slotMenu(
                "Here are more dates.", "Saturday food sort", slots, 10, Set.of(), Set.of(), ZONE);
        assertThat(second.first()).isEqualTo(11);
        assertThat(second.ids()).startsWith(11L).hasSize(10);
        assertThat(second.message().text())
                .contains("11) ")
                .contains("(shift 11)")
                .doesNotContain("(shift 1) ");

        ConversationTexts.SlotMenu last = ConversationTexts.slotMenu(
                "Here are more dates.", "Saturday food sort", slots, 50, Set.of(), Set.of(), ZONE);
        fitsMessenger(last.message());
        assertThat(last.message().text()).contains("60) ").endsWith("for the first ones.");
        assertThat(last.message().quickReplies())
                .extracting(OutgoingMessage.Button::title, OutgoingMessage.Button::payload)
                .endsWith(tuple("Earlier dates", "SLOTS_PAGE|0"), tuple("Done", "SLOTS_DONE"));

        assertThat(ConversationTexts.slotMenu("Great!", "Saturday food sort", slots, 60, Set.of(), Set.of(), ZONE)
                        .first())
                .as("past the end: the first page again")
                .isEqualTo(1);
    }

    @Test
    void theWorstCaseMenuFitsMessengerWithoutBeingCut() {
        String title = "T".repeat(200);
        List<Slot> slots = shifts(15, "L".repeat(100));
        Set<Long> clashing = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        String intro = ConversationTexts.overlapsHeld(
                new Slot(99, 2, SATURDAY, SATURDAY.plusSeconds(3600), "H".repeat(100), 3, 1), title, ZONE);

        ConversationTexts.SlotMenu menu = ConversationTexts.slotMenu(intro, title, slots, 2, Set.of(), clashing, ZONE);

        fitsMessenger(menu.message());
        assertThat(menu.message().text())
                .as("not cut by the guard: the page ends with its own last line")
                .endsWith(" more dates: tap More dates or type \"more\".")
                .doesNotContain("L".repeat(41))
                .contains("(" + "L".repeat(39) + "…)");
        assertThat(menu.ids()).isNotEmpty();
    }

    @Test
    void aSlotNumberedFromOneHundredStillHasAButtonThatFits() {
        List<Slot> slots = shifts(120, null);

        OutgoingMessage page = ConversationTexts.slotMenu("Great!", "Food sort", slots, 100, Set.of(), Set.of(), ZONE)
                .message();

        fitsMessenger(page);
        assertThat(page.quickReplies().get(0).title()).isEqualTo("#101 15 Dec 05:00");
    }

    @Test
    void theGuardCutsAnythingTooLongForMessengerInsteadOfLettingFacebookRefuseIt() {
        List<OutgoingMessage.Button> many = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            many.add(new OutgoingMessage.Button("#" + n + " a title far too long", "SLOT|" + n));
        }
        many.add(new OutgoingMessage.Button("Done", "SLOTS_DONE"));

        OutgoingMessage fitted =
                ConversationTexts.fitted(OutgoingMessage.withQuickReplies("x".repeat(1999) + "😀", many));

        fitsMessenger(fitted);
        assertThat(fitted.text()).isEqualTo("x".repeat(1999) + "…");
        assertThat(fitted.quickReplies()).hasSize(13);
        assertThat(fitted.quickReplies().get(12).payload()).isEqualTo("SLOTS_DONE");
        OutgoingMessage small = OutgoingMessage.text("Thank you!");
        assertThat(ConversationTexts.fitted(small)).isEqualTo(small);
    }

    @Test
    void youreInNamesTheSlotTakenWithItsTimeAndZone() {
        Slot morning = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "Morning shift", 3, 1);

        assertThat(ConversationTexts.booked(morning, ZONE))
                .isEqualTo("You're in! Your place: Sat 28 Nov 09:00–12:00 GMT (Morning shift)."
                        + " Pick another slot or tap Done.");
    }

    @Test
    void aYesWithNothingToPickIsToldWhyAtOnce() {
        Slot full = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), null, 2, 2);
        Slot open = new Slot(2, 1, SATURDAY.plusSeconds(4 * 3600), SATURDAY.plusSeconds(6 * 3600), null, 3, 1);

        assertThat(ConversationTexts.anyToPick(List.of(full), Set.of(), Set.of()))
                .isFalse();
        assertThat(ConversationTexts.anyToPick(List.of(full, open), Set.of(), Set.of()))
                .isTrue();
        assertThat(ConversationTexts.anyToPick(List.of(full, open), Set.of(2L), Set.of()))
                .isFalse();
        assertThat(ConversationTexts.nothingToPick("Saturday food sort", List.of(full), Set.of(), Set.of())
                        .text())
                .isEqualTo("Thank you for wanting to help! All slots of Saturday food sort are full right now;"
                        + " keep an eye on our page for new dates.");
        assertThat(ConversationTexts.nothingToPick("Saturday food sort", List.of(), Set.of(), Set.of())
                        .text())
                .isEqualTo("Thank you for wanting to help! There are no dates coming up for Saturday food sort"
                        + " right now; keep an eye on our page for new ones.");
        assertThat(ConversationTexts.nothingToPick("Saturday food sort", List.of(full, open), Set.of(2L), Set.of())
                        .text())
                .contains("You're already signed up for Saturday food sort");
        assertThat(ConversationTexts.nothingToPick("Saturday food sort", List.of(full, open), Set.of(), Set.of(2L))
                        .text())
                .contains("overlap ones you're signed up for");
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
