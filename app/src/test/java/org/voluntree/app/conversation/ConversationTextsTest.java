package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voluntree.app.facebook.OutgoingMessage;
import org.voluntree.app.signup.Slot;

class ConversationTextsTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Instant SATURDAY = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void anEventWithNoDatesLeftSaysSoInsteadOfCallingItsSlotsFull() {
        OutgoingMessage message = ConversationTexts.chooseSlots("Great!", List.of(), ZONE);

        assertThat(message.text())
                .isEqualTo("Great! There are no dates coming up for this event right now;"
                        + " keep an eye on our page for new ones.");
        assertThat(message.quickReplies()).isEmpty();
    }

    @Test
    void fullSlotsPromiseNothingTheSystemDoesNotDo() {
        Slot full = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), null, 2, 2);

        OutgoingMessage message = ConversationTexts.chooseSlots("Great!", List.of(full), ZONE);

        assertThat(message.text())
                .isEqualTo("Great! All slots are full right now; keep an eye on our page for new dates.");
    }

    @Test
    void openSlotsAreOfferedAsNumberedQuickReplies() {
        Slot full = new Slot(1, 1, SATURDAY, SATURDAY.plusSeconds(3 * 3600), "sorting", 2, 2);
        Slot open = new Slot(2, 1, SATURDAY.plusSeconds(4 * 3600), SATURDAY.plusSeconds(6 * 3600), null, 3, 1);

        OutgoingMessage message = ConversationTexts.chooseSlots("Great!", List.of(full, open), ZONE);

        assertThat(message.text())
                .contains("1) Sat 28 Nov 09:00–12:00 (sorting) — full", "2) Sat 28 Nov 13:00–15:00 — 2 left");
        assertThat(message.quickReplies())
                .extracting(OutgoingMessage.Button::title)
                .containsExactly("#2 Sat 28 Nov 13:00", "Done");
    }
}
