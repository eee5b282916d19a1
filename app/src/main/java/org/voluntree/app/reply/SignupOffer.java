package org.voluntree.app.reply;

/**
 * The postback payloads of the private signup offer. The Messenger conversation reads them back:
 * {@code SIGNUP_YES|<post id>} starts the signup dialog for the post's signup, {@code SIGNUP_NO|<post id>} declines.
 */
public final class SignupOffer {

    public static final String YES = "SIGNUP_YES";
    public static final String NO = "SIGNUP_NO";

    private SignupOffer() {
    }

    public static String yes(String postId) {
        return YES + "|" + (postId == null ? "" : postId);
    }

    public static String no(String postId) {
        return NO + "|" + (postId == null ? "" : postId);
    }

    /** The post id of a payload made here, or null. */
    public static String postIdOf(String payload) {
        int bar = payload == null ? -1 : payload.indexOf('|');
        return bar < 0 || bar == payload.length() - 1 ? null : payload.substring(bar + 1);
    }
}
