package org.voluntree.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailableAddressTest {

    @Test
    void plainAddressesCanBeMailed() {
        assertThat(MailableAddress.isMailable("dave@example.org")).isTrue();
        assertThat(MailableAddress.isMailable("Cruz.Maya+food@mail.example.co.uk"))
                .isTrue();
        assertThat(MailableAddress.isMailable("o'neil_2@ex-ample.org")).isTrue();
        assertThat(MailableAddress.isMailable("d".repeat(64) + "@example.org")).isTrue();
        String longest = "d".repeat(64) + "@" + "e".repeat(63) + "." + "e".repeat(63) + "." + "e".repeat(57) + ".org";
        assertThat(longest).hasSize(254);
        assertThat(MailableAddress.isMailable(longest)).isTrue();
    }

    @Test
    void whatQaTypedIsRefused() {
        assertThat(MailableAddress.isMailable("mailto:dave@example.org"))
                .as("a scheme")
                .isFalse();
        assertThat(MailableAddress.isMailable("dave@example.org."))
                .as("a trailing dot")
                .isFalse();
        assertThat(MailableAddress.isMailable("d".repeat(300) + "@example.org"))
                .as("a local part of 300")
                .isFalse();
    }

    @Test
    void whatTheMailLibraryAcceptsButNoMailCouldReachIsRefused() {
        assertThat(MailableAddress.isMailable("d".repeat(65) + "@example.org"))
                .as("a local part over 64")
                .isFalse();
        String tooLong = "d".repeat(64) + "@" + "e".repeat(63) + "." + "e".repeat(63) + "." + "e".repeat(58) + ".org";
        assertThat(MailableAddress.isMailable(tooLong)).as("over 254").isFalse();
        assertThat(MailableAddress.isMailable("dave@" + "e".repeat(64) + ".org"))
                .as("a label over 63")
                .isFalse();
        assertThat(MailableAddress.isMailable("dave@example"))
                .as("no dot in the domain")
                .isFalse();
        assertThat(MailableAddress.isMailable("dave@example..org"))
                .as("an empty label")
                .isFalse();
        assertThat(MailableAddress.isMailable("dave@.example.org")).isFalse();
        assertThat(MailableAddress.isMailable("dave@-example.org")).isFalse();
        assertThat(MailableAddress.isMailable("dave@example-.org")).isFalse();
        assertThat(MailableAddress.isMailable("dave@[192.0.2.1]"))
                .as("an address literal")
                .isFalse();
        assertThat(MailableAddress.isMailable("dave@192.0.2.1")).as("no name").isFalse();
        assertThat(MailableAddress.isMailable("Dave <dave@example.org>"))
                .as("a name with it")
                .isFalse();
        assertThat(MailableAddress.isMailable("dave@example.org (Dave)")).isFalse();
        assertThat(MailableAddress.isMailable("\"dave smith\"@example.org"))
                .as("a quoted local part")
                .isFalse();
        assertThat(MailableAddress.isMailable("josé@example.org"))
                .as("not ASCII: the sender does not ask for SMTPUTF8")
                .isFalse();
        assertThat(MailableAddress.isMailable(".dave@example.org")).isFalse();
        assertThat(MailableAddress.isMailable("da..ve@example.org")).isFalse();
        assertThat(MailableAddress.isMailable("dave,bob@example.org")).isFalse();
        assertThat(MailableAddress.isMailable("dave@example.org bob@example.org"))
                .isFalse();
        assertThat(MailableAddress.isMailable("dave")).isFalse();
        assertThat(MailableAddress.isMailable("")).isFalse();
        assertThat(MailableAddress.isMailable(null)).isFalse();
    }
}
