package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutRequestTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "stop",
                "STOP!",
                " Stop. ",
                "unsubscribe",
                "Unsubscribe me",
                "please unsubscribe me from this list",
                "please stop messaging me",
                "Please stop messaging me!!",
                "stop sending me messages",
                "Stop sending me these messages, thanks",
                "don't message me again",
                "Don’t message me again",
                "do not contact me",
                "never text me again",
                "I want to unsubscribe",
                "I'd like to stop getting these messages",
                "opt me out",
                "no more messages please",
                "remove me from your list",
                "hi, please stop contacting me",
                "leave me alone"
            })
    void aClearRequestToStopOptsOut(String text) {
        assertThat(OptOutRequest.matches(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I can't stop by on Saturday",
                "which bus stop is nearest?",
                "Stop, I meant the afternoon one",
                "can I stop at 3pm instead?",
                "I'll stop by after work",
                "don't stop the good work!",
                "is there a way to unsubscribe later if I can't come?",
                "2",
                "Done",
                "",
                "I can help on Saturday"
            })
    void aSentenceThatMerelyContainsTheWordDoesNot(String text) {
        assertThat(OptOutRequest.matches(text)).as(text).isFalse();
    }
}
