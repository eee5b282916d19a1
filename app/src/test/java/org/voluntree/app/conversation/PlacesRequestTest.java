package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlacesRequestTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my places",
                "My shifts?",
                "show me my bookings please",
                "what did I sign up for?",
                "Sorry, what have I signed up for again?",
                "when is my shift",
                "Hi! When is my slot on Saturday?",
                "what time is my shift tomorrow?",
                "when am I volunteering?",
                "which slot am I in?",
                "which shifts do I have",
                "am I signed up?",
                "Am I still signed up for Saturday?",
                "did I sign up",
                "can you remind me when my shift is",
                "remind me what I signed up for"
            })
    void aQuestionAboutTheirOwnPlacesIsOne(String text) {
        assertThat(PlacesRequest.matches(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "when does the shift start?",
                "what should I bring to my shift?",
                "how do I sign up?",
                "can I sign up for Saturday?",
                "cancel my place",
                "my friend wants to come too",
                "what time does it start?",
                "I signed up yesterday, can I bring my son?",
                "count me in"
            })
    void aQuestionAboutTheEventOrAnythingElseIsNot(String text) {
        assertThat(PlacesRequest.matches(text)).as(text).isFalse();
    }
}
