package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinInputTest {

    @Test
    void aCodeIsReadAsTypedWithSpacesOrDashesAndAmongOtherWords() {
        assertThat(PinInput.codeIn("786635")).contains("786635");
        assertThat(PinInput.codeIn("786 635")).contains("786635");
        assertThat(PinInput.codeIn("786-635")).contains("786635");
        assertThat(PinInput.codeIn("78 66 35")).contains("786635");
        assertThat(PinInput.codeIn("786 – 635")).contains("786635");
        assertThat(PinInput.codeIn("my code is 786635!")).contains("786635");
        assertThat(PinInput.codeIn("code: 786 635, thanks")).contains("786635");
    }

    @Test
    void aMessageWithoutSixDigitsTogetherHoldsNoCode() {
        assertThat(PinInput.codeIn("abc")).isEmpty();
        assertThat(PinInput.codeIn("70274")).isEmpty();
        assertThat(PinInput.codeIn("when is it?")).isEmpty();
        assertThat(PinInput.codeIn("")).isEmpty();
        assertThat(PinInput.codeIn(null)).isEmpty();
        assertThat(PinInput.codeIn("1234567")).as("seven digits").isEmpty();
        assertThat(PinInput.codeIn("call 555-123-4567")).as("a phone number").isEmpty();
        assertThat(PinInput.codeIn("12 then 3456")).as("digits apart").isEmpty();
    }

    @Test
    void onlyTheFirstCodeOfAMessageIsTried() {
        assertThat(PinInput.codeIn("111111 or 222222")).contains("111111");
    }
}
