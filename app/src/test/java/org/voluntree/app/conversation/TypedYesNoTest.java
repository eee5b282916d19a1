package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedYesNoTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yes",
                "Yes!",
                "YES PLEASE",
                "yess",
                "yeah sure",
                "yes please, count me in",
                "sure, happy to!",
                "yep 👍",
                "ok",
                "Okay, sign me up",
                "sure, thanks",
                "of course!",
                "count me in",
                "I'm in",
                "I’m in",
                "sí",
                "si por favor"
            })
    void aYesTypedIsAYes(String text) {
        assertThat(TypedYesNo.yes(text)).as(text).isTrue();
        assertThat(TypedYesNo.no(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "no",
                "No thanks",
                "no thanks, not this time",
                "no, thank you",
                "nope",
                "nah",
                "not this time, sorry",
                "Sorry, I can't",
                "maybe next time",
                "no gracias"
            })
    void aNoTypedIsANo(String text) {
        assertThat(TypedYesNo.no(text)).as(text).isTrue();
        assertThat(TypedYesNo.yes(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "🙂",
                "yes but only in the morning",
                "no, the second one",
                "is there parking?",
                "2",
                "yesterday I was busy",
                "nobody told me",
                "no I can",
                "know what, I'll come"
            })
    void aSentenceThatOnlyStartsLikeAnAnswerIsNeither(String text) {
        assertThat(TypedYesNo.yes(text)).as(text).isFalse();
        assertThat(TypedYesNo.no(text)).as(text).isFalse();
    }
}
