package org.voluntree.app.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignupOfferTest {

    @Test
    void aPayloadCarriesThePostAndTheCommentItAnswered() {
        String yes = SignupOffer.yes("100_7", "100_7_42");

        assertThat(yes).startsWith(SignupOffer.YES);
        assertThat(SignupOffer.postIdOf(yes)).isEqualTo("100_7");
        assertThat(SignupOffer.commentIdOf(yes)).isEqualTo("100_7_42");
        assertThat(SignupOffer.commentIdOf(SignupOffer.no("100_7", "100_7_42"))).isEqualTo("100_7_42");
    }

    @Test
    void olderAndEmptyPayloadsStillRead() {
        assertThat(SignupOffer.postIdOf("SIGNUP_YES|100_7")).isEqualTo("100_7");
        assertThat(SignupOffer.commentIdOf("SIGNUP_YES|100_7")).isNull();
        assertThat(SignupOffer.postIdOf("SIGNUP_YES|")).isNull();
        assertThat(SignupOffer.postIdOf(SignupOffer.yes(null, null))).isNull();
        assertThat(SignupOffer.commentIdOf(SignupOffer.yes(null, null))).isNull();
        assertThat(SignupOffer.postIdOf(null)).isNull();
    }
}
