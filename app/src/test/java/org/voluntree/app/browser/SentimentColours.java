package org.voluntree.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the dashboard shows a message's sentiment: green when positive, red when negative, the
 * neutral grey (or no colour) when the model was not confident — a label's score under 0.8. The app
 * has that rule once, in the {@code sentiment_shown} SQL function; this is the tests' own statement
 * of it, so that a change to the function shows up here.
 */
final class SentimentColours {

    static final String GREEN = "rgba(31, 138, 76, 1)";
    static final String RED = "rgba(192, 57, 43, 1)";
    static final double SHOWN_FROM = 0.8;

    private SentimentColours() {}

    /** What a message classified {@code label} with {@code score} shows as. */
    static String shown(String label, double score) {
        return score >= SHOWN_FROM ? label : "neutral";
    }

    /** The colour an element showing {@code shown} must have. */
    static void assertColour(String shown, String cssColour) {
        switch (shown) {
            case "positive" -> assertThat(cssColour).isEqualTo(GREEN);
            case "negative" -> assertThat(cssColour).isEqualTo(RED);
            default ->
                assertThat(cssColour).as("neutral: neither green nor red").isNotIn(GREEN, RED);
        }
    }
}
