package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancelRequestTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cancel",
                "Cancel!",
                "cancel my place",
                "please cancel me for Saturday",
                "I need to cancel",
                "I’d like to cancel my shift on Saturday",
                "so sorry, I have to cancel",
                "can I cancel for tomorrow?",
                "I can't make it anymore",
                "Sorry I won't be able to come on Saturday after all",
                "unfortunately I cannot attend anymore, sorry",
                "please remove me from the rota",
                "I have to drop out"
            })
    void aRequestToGiveUpAPlaceIsOne(String text) {
        assertThat(CancelRequest.matches(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "did they cancel the market?",
                "I can't make it before 10, is that ok?",
                "I can come on Saturday",
                "can I bring a friend?",
                "stop",
                "no thanks",
                "is the event cancelled?",
                "I can't wait!"
            })
    void aMessageThatOnlyMentionsItIsNot(String text) {
        assertThat(CancelRequest.matches(text)).as(text).isFalse();
    }
}
