package org.voluntree.app.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 6-digit code in what a person typed: six digits together, which may be grouped by spaces or a
 * dash ("786 635", "786-635"), among other words or alone. Digits that make more or fewer than six
 * (a time, a phone number, a code typed short) are no code.
 */
final class PinInput {

    /** Digits, and more digits after spaces or a dash (hyphen, non-breaking hyphen, en or em dash). */
    private static final Pattern DIGIT_RUN =
            Pattern.compile("[0-9]+(?:(?:\\h*[-\u2010\u2011\u2013\u2014]\\h*|\\h+)[0-9]+)*");

    private static final int LENGTH = 6;

    private PinInput() {}

    /** The first code in the text, its digits only; empty when it holds none. */
    static Optional<String> codeIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group().replaceAll("[^0-9]", "");
            if (digits.length() == LENGTH) {
                return Optional.of(digits);
            }
        }
        return Optional.empty();
    }
}
