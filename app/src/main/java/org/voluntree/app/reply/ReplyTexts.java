package org.voluntree.app.reply;

import org.voluntree.app.facebook.OutgoingMessage;

/** The words of the automatic replies. One place, so that they read as one voice. */
final class ReplyTexts {

    private ReplyTexts() {}

    static String thanksForOffering(String name) {
        return "Thank you" + greetingName(name) + "! We've sent you a private message to confirm your spot.";
    }

    /** Past Facebook's 7 days for a private reply: the person writes first, which starts the signup dialog. */
    static String thanksAndMessageUs(String name) {
        return "Thank you" + greetingName(name) + "! Send us a message saying you'd like to help, and we'll get you"
                + " signed up there.";
    }

    static String howToSignUpByMessage(String name) {
        return "Hi" + greetingName(name) + "! Send us a message saying you'd like to help, and we'll get you signed"
                + " up there.";
    }

    static OutgoingMessage signupOffer(String name, String organisation, String postId, String commentId) {
        return OutgoingMessage.withButtons(
                "Hi" + greetingName(name) + "! Thanks for your interest in helping " + organisation
                        + ". Would you like to sign up?",
                new OutgoingMessage.Button("Yes, sign me up", SignupOffer.yes(postId, commentId)),
                new OutgoingMessage.Button("No, thanks", SignupOffer.no(postId, commentId)));
    }

    static String answer(String name, String info) {
        return "Hi" + greetingName(name) + "! " + info;
    }

    /** No answer on file: a person will reply (a gift is thanked as one, a question as a question). */
    static String handOff(String name, boolean donation) {
        return (donation ? "Thank you for offering to give" : "Thanks for asking") + greetingName(name)
                + "! Someone from our team will get back to you shortly.";
    }

    static String thanksForKindWords(String name) {
        return "Thank you so much" + greetingName(name) + "! ❤️";
    }

    private static String greetingName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return ", " + name.strip().split("\\s+")[0];
    }
}
