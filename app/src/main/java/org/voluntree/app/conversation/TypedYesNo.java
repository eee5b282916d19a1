package org.voluntree.app.conversation;

import java.util.regex.Pattern;

/**
 * A yes or a no typed where the bot offered buttons: "yes", "Yes please!", "sure 👍", "sí"; "no thanks",
 * "nope", "not this time". The whole message must be the answer (with "please", "thanks" and the like
 * around it), so "no, the second one" or "yes but only in the morning" are neither: those go on to
 * whatever else the step understands, or get the menu again.
 */
final class TypedYesNo {

    /** Words that may follow either answer, in any order with its own: "no thanks, not this time". */
    private static final String POLITE = "please|pls|plz|thanks|thank you|thx|ty|gracias|por favor";

    private static final Pattern YES = Pattern.compile("(?:(?:oh|ok|okay|well|um|hmm)\\s+)*(?:"
            + String.join(
                    "|",
                    "y",
                    "ye+s+",
                    "yeah?",
                    "yep",
                    "yup",
                    "ya",
                    "sure",
                    "ok",
                    "okay",
                    "of course",
                    "absolutely",
                    "definitely",
                    "why not",
                    "sign me up",
                    "count me in",
                    "i'm in",
                    "im in",
                    "i am in",
                    "s[ií]",
                    "claro")
            + ")(?:\\s+(?:yes|sure|ok|okay|then|sign me up|count me in|i can|i will|i'd love to|i would love to"
            + "|sounds good|happy to|of course|" + POLITE + "))*");
    private static final Pattern NO = Pattern.compile("(?:(?:oh|ok|okay|well|um|hmm|sorry)\\s+)*(?:"
            + String.join(
                    "|",
                    "n",
                    "no+",
                    "nope",
                    "nah",
                    "no way",
                    "not now",
                    "not this time",
                    "not really",
                    "maybe next time",
                    "maybe later",
                    "i can't",
                    "i cant",
                    "i can not",
                    "i cannot",
                    "can't",
                    "cant")
            + ")(?:\\s+(?:sorry|not now|not this time|maybe next time|maybe later|" + POLITE + "))*");

    private TypedYesNo() {}

    static boolean yes(String text) {
        String plain = PlainText.of(text);
        return !plain.isEmpty() && YES.matcher(plain).matches();
    }

    static boolean no(String text) {
        String plain = PlainText.of(text);
        return !plain.isEmpty() && NO.matcher(plain).matches();
    }
}
