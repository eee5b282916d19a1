package org.voluntree.app.conversation;

import java.util.regex.Pattern;

/**
 * Whether a message asks the page to stop writing to the person: "stop", "STOP!", "unsubscribe me",
 * "please stop messaging me", "don't message me again". The whole message must be such a request
 * (with greetings and "please" / "thanks" around it), so a sentence that merely contains the word,
 * "I can't stop by on Saturday" or "which bus stop is nearest?", is not one.
 */
final class OptOutRequest {

    private static final String POLITE_BEFORE = "(?:(?:hi|hello|hey|ok|okay|please|pls|plz|just|so|can you|could you"
            + "|would you|will you|i said|i asked you to)\\s+)*";
    private static final String POLITE_AFTER =
            "(?:\\s+(?:please|pls|plz|thanks|thank you|now|again|any more|anymore|ever again|at all|ok|okay))*";
    private static final String MESSAGES = "(?:any\\s+more\\s+|more\\s+|these\\s+|your\\s+|any\\s+)?"
            + "(?:messages|message|texts|msgs|notifications|spam|stuff)";
    private static final String REQUEST = String.join(
            "|",
            // "stop", "stop it", "stop all", "unsubscribe", "opt out"
            "stop(?:\\s+(?:it|all|this|that))?",
            "unsubscribe(?:\\s+me)?(?:\\s+from\\s+(?:this|that|these|your|the|all)\\b.*)?",
            "opt\\s*(?:me\\s+)?out(?:\\s+of\\s+.*)?",
            "stop\\s+" + MESSAGES,
            "no\\s+" + MESSAGES,
            // "stop messaging me", "stop sending me messages", "stop contacting me"
            "(?:stop|quit)\\s+(?:messaging|texting|contacting|spamming|bothering|pestering|emailing|writing(?:\\s+to)?"
                    + "|sending(?:\\s+me)?(?:\\s+" + MESSAGES + ")?(?:\\s+to)?)(?:\\s+me)?(?:\\s+" + MESSAGES + ")?",
            // "don't message me again", "do not contact me", "never text me again"
            "(?:don't|dont|do not|never)\\s+(?:ever\\s+)?(?:message|text|contact|msg|write(?:\\s+to)?|send)\\s+me"
                    + "(?:\\s+" + MESSAGES + ")?",
            // "I want to unsubscribe", "I'd like to stop getting these messages"
            "(?:i\\s*)?(?:want|would like|'d like|d like|wanna|need)\\s+(?:you\\s+)?to\\s+(?:unsubscribe|opt\\s*out"
                    + "|stop(?:\\s+(?:getting|receiving))?\\s+" + MESSAGES + ")",
            "(?:remove|take)\\s+me\\s+(?:off|from)\\s+(?:your|the|this)\\s+(?:list|mailing list|messages)",
            "leave me alone");
    private static final Pattern OPT_OUT = Pattern.compile(POLITE_BEFORE + "(?:" + REQUEST + ")" + POLITE_AFTER);

    private OptOutRequest() {}

    static boolean matches(String text) {
        String plain = PlainText.of(text);
        return !plain.isEmpty() && OPT_OUT.matcher(plain).matches();
    }
}
