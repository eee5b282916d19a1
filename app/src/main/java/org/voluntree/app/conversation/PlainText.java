package org.voluntree.app.conversation;

import java.util.Locale;

/**
 * A message as the whole-message matchers read it ({@link OptOutRequest}, {@link CancelRequest},
 * {@link PlacesRequest}, {@link TypedYesNo}): lower case, curly apostrophes straightened, punctuation and emoji as single
 * spaces, trimmed; empty for no text.
 */
final class PlainText {

    private PlainText() {}

    static String of(String text) {
        if (text == null) {
            return "";
        }
        return text.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replaceAll("[^\\p{L}\\p{N}']+", " ")
                .strip();
    }
}
