package org.voluntree.app.reply;

/**
 * The postback payloads of the private signup offer. The Messenger conversation reads them back:
 * {@code SIGNUP_YES|<post id>|<comment id>} starts the signup dialog for the post's signup,
 * {@code SIGNUP_NO|<post id>|<comment id>} declines. The comment id ties the person's Messenger id
 * (page-scoped, PSID) to the id they commented under, which Facebook does not promise to be the
 * same; payloads from before it was added ({@code SIGNUP_YES|<post id>}) still read.
 */
public final class SignupOffer {

    public static final String YES = "SIGNUP_YES";
    public static final String NO = "SIGNUP_NO";

    private SignupOffer() {}

    public static String yes(String postId, String commentId) {
        return YES + "|" + orEmpty(postId) + "|" + orEmpty(commentId);
    }

    public static String no(String postId, String commentId) {
        return NO + "|" + orEmpty(postId) + "|" + orEmpty(commentId);
    }

    /** The post id of a payload made here, or null. */
    public static String postIdOf(String payload) {
        return field(payload, 1);
    }

    /** The id of the comment the offer answered, or null (older payloads have none). */
    public static String commentIdOf(String payload) {
        return field(payload, 2);
    }

    private static String field(String payload, int index) {
        if (payload == null) {
            return null;
        }
        String[] fields = payload.split("\\|", -1);
        return index < fields.length && !fields[index].isEmpty() ? fields[index] : null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
