package org.voluntree.app.conversation;

import java.util.regex.Pattern;

/**
 * Whether a message asks to give up a place: "cancel", "I need to cancel my place", "can I cancel
 * for Saturday?", "I can't make it anymore", "I won't be able to come after all". The whole message
 * must be such a request, so one that merely mentions the word ("did they cancel the market?",
 * "I can't make it before 10, is that ok?") is not one: that goes to the admins as any message does.
 */
final class CancelRequest {

    private static final String BEFORE = "(?:(?:hi|hello|hey|sorry|so sorry|really sorry|unfortunately|oh no|ok|okay"
            + "|please|pls|so|but|i'm afraid|im afraid)\\s+)*";
    private static final String AFTER = "(?:\\s+(?:please|pls|thanks|thank you|sorry|so sorry|unfortunately|after all"
            + "|anymore|any more|now|then))*";
    /** "my place", "the shift on saturday", "for saturday", "tomorrow": what follows names the place, loosely. */
    private static final String WHICH = "(?:\\s+(?:my|the|our|this|that)?\\s*(?:place|spot|shift|slot|signup|sign up"
            + "|booking|volunteering))?(?:\\s+(?:for|on|at|this|next|tomorrow|today)\\b[\\p{L}\\p{N}' ]{0,40})?";

    private static final String REQUEST = String.join(
            "|",
            // "cancel", "cancel my place", "please cancel me for saturday"
            "cancel(?:\\s+me)?" + WHICH,
            // "I need to cancel", "I'd like to cancel my shift", "can I cancel on saturday?"
            "(?:i\\s+|i'|i)?(?:need|want|have|would like|d like|wanna|gotta|must)\\s+(?:to\\s+)?cancel(?:\\s+me)?"
                    + WHICH,
            "(?:can|could|may)\\s+i\\s+(?:please\\s+)?cancel(?:\\s+me)?" + WHICH,
            "i\\s+(?:must|have to|need to)\\s+drop\\s+out" + WHICH,
            "(?:please\\s+)?(?:remove|take)\\s+me\\s+(?:off|from|out of)\\s+(?:the|my|this|that)?\\s*(?:place|spot"
                    + "|shift|slot|signup|list|rota|event)" + WHICH,
            // "I can't make it anymore", "I won't be able to come on saturday after all"
            "(?:i\\s+)?(?:can't|cant|cannot|can not|won't be able to|wont be able to|will not be able to|am not able to"
                    + "|'m not able to|m not able to)\\s+(?:make it|come|attend|do it|help)" + WHICH
                    + "\\s+(?:anymore|any more|after all)");
    private static final Pattern CANCEL = Pattern.compile(BEFORE + "(?:" + REQUEST + ")" + AFTER);

    private CancelRequest() {}

    static boolean matches(String text) {
        String plain = PlainText.of(text);
        return !plain.isEmpty() && CANCEL.matcher(plain).matches();
    }
}
