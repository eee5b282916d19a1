package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.event.Json;

class DialogTest {

    @Test
    void aDialogStoredBeforeMenusWereRememberedLoadsWithNoMenuAndNumbersNothing() {
        String stored = """
                {"step":"CHOOSE_SLOTS","signupId":7,"email":"maya@example.org","pinHash":null,"pinSalt":null,\
                "pinExpiresAt":null,"pinAttempts":0}""";

        Dialog dialog = Json.read(stored.getBytes(StandardCharsets.UTF_8), Dialog.class);

        assertThat(dialog.step()).isEqualTo(Dialog.Step.CHOOSE_SLOTS);
        assertThat(dialog.menu()).isEmpty();
        assertThat(dialog.numbered(1)).isEmpty();
        assertThat(dialog.page()).isZero();
        assertThat(dialog.nextPage()).isZero();
    }

    @Test
    void aTypedNumberMeansTheSlotTheLastMenuNumberedSo() {
        Dialog dialog = Dialog.start(Dialog.Step.CHOOSE_SLOTS, 7).showing(List.of(31L, 32L, 35L), 11);

        Dialog stored = Json.read(Json.write(dialog), Dialog.class);

        assertThat(stored).isEqualTo(dialog);
        assertThat(stored.numbered(11)).contains(31L);
        assertThat(stored.numbered(13)).contains(35L);
        assertThat(stored.numbered(10)).isEmpty();
        assertThat(stored.numbered(14)).isEmpty();
        assertThat(stored.page()).isEqualTo(10);
        assertThat(stored.nextPage()).isEqualTo(13);
    }

    @Test
    void aNoticeThatAPinMailWasNotDeliveredConcernsTheDialogOnlyWhileItWaitsForThatMailsPin() {
        Dialog waiting = Dialog.start(Dialog.Step.AWAIT_EMAIL, 7)
                .awaitingPin("maya@example.org", "hash", "salt", Instant.now().plusSeconds(1800), "pin:m_1");

        Dialog stored = Json.read(Json.write(waiting), Dialog.class);

        assertThat(stored.awaitsPinOf("pin:m_1")).isTrue();
        assertThat(stored.awaitsPinOf("pin:m_0"))
                .as("an earlier address's mail")
                .isFalse();
        assertThat(stored.wrongPin().awaitsPinOf("pin:m_1")).isTrue();
        assertThat(stored.awaitingEmail().awaitsPinOf("pin:m_1")).isFalse();
        assertThat(stored.choosingSlots().awaitsPinOf("pin:m_1")).isFalse();
    }

    @Test
    void aDialogStoredBeforeThePinMailWasKeptWaitsForNoMailsPin() {
        String stored = """
                {"step":"AWAIT_PIN","signupId":7,"email":"maya@example.org","pinHash":"h","pinSalt":"s",\
                "pinExpiresAt":"2030-01-01T00:00:00Z","pinAttempts":1,"menu":[],"menuFirst":1}""";

        Dialog dialog = Json.read(stored.getBytes(StandardCharsets.UTF_8), Dialog.class);

        assertThat(dialog.pinMail()).isNull();
        assertThat(dialog.awaitsPinOf("pin:m_1")).isFalse();
    }
}
