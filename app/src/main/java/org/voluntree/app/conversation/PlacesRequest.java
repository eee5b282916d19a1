package org.voluntree.app.conversation;

import java.util.regex.Pattern;

/**
 * Whether a message asks which places the person holds: "what did I sign up for?", "when is my
 * shift?", "my places", "am I signed up for Saturday?", "which slots do I have?". The whole message
 * must be such a question, so one that asks about the event ("when does the shift start?", "what
 * should I bring to my shift?") is not one: that goes to the admins as any message does.
 */
final class PlacesRequest {

    private static final String BEFORE =
            "(?:(?:hi|hello|hey|sorry|ok|okay|please|pls|so|quick question|just checking|can you remind me|remind me"
                    + "|could you remind me|can you tell me|could you tell me|i forgot)\\s+)*";
    private static final String AFTER = "(?:\\s+(?:please|pls|thanks|thank you|again|exactly|now|then|again please))*";
    private static final String PLACE = "(?:place|places|spot|spots|shift|shifts|slot|slots|signup|signups|sign up"
            + "|sign ups|booking|bookings|volunteering)";
    /** "for saturday", "on the 28th", "tomorrow": what follows names the day, loosely. */
    private static final String WHEN = "(?:\\s+(?:for|on|at|this|next|tomorrow|today)\\b[\\p{L}\\p{N}' ]{0,30})?";

    private static final String REQUEST = String.join(
            "|",
            // "my places", "show me my shifts", "list my bookings"
            "(?:(?:show|list|send|tell)(?:\\s+me)?\\s+)?(?:all\\s+)?my\\s+(?:upcoming\\s+)?" + PLACE + WHEN,
            // "what did I sign up for", "what have I signed up for", "what am I signed up for"
            "what\\s+(?:(?:did|have|am|was)\\s+)?i\\s+(?:sign|signed|signing)\\s+up\\s+(?:for|to)",
            // "when is my shift", "when are my slots", "what time is my shift on saturday"
            "(?:when|what time|what day|what days|where)\\s+(?:is|are|was|were)\\s+my\\s+" + PLACE + WHEN,
            // after "remind me": "when my shift is", "what time my slots are"
            "(?:when|what time|what day|what days)\\s+my\\s+" + PLACE + "\\s+(?:is|are)",
            // "when am I volunteering", "when am I on", "when am I helping"
            "when\\s+(?:am i|do i)\\s+(?:volunteering|on|helping|working|signed up|booked|in)",
            // "which slot am I in", "which shifts do I have", "what slots have I got"
            "(?:which|what)\\s+" + PLACE
                    + "\\s+(?:am i in|am i on|do i have|have i got|did i (?:pick|choose|get|book|take))" + WHEN,
            // "am I signed up (for saturday)?", "did I sign up?", "am I booked in?"
            "(?:am i|did i|have i)\\s+(?:still\\s+)?(?:signed up|sign up|booked|booked in|registered|got a place)"
                    + WHEN);
    private static final Pattern PLACES = Pattern.compile(BEFORE + "(?:" + REQUEST + ")" + AFTER);

    private PlacesRequest() {}

    static boolean matches(String text) {
        String plain = PlainText.of(text);
        return !plain.isEmpty() && PLACES.matcher(plain).matches();
    }
}
