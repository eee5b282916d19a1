package org.voluntree.app.reply;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;

/**
 * Answers a logistics or eligibility question under a signup's post from the signup's own facts:
 * the facts whose name or words appear in the question (e.g. "parking" for "where do we park?"),
 * the slots for "when" questions, else every fact. Questions under posts without a signup, and
 * donation questions, are left to the organisation's info.
 */
@Component
@Order(0)
class SignupFactsAnswers implements AnswerSource {

    private final SignupStore signups;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    SignupFactsAnswers(SignupStore signups, @Value("${voluntree.conversation.zone:UTC}") ZoneId zone) {
        this.signups = signups;
        this.zone = zone;
    }

    @Override
    public Optional<String> answer(MessageToAnswer message, String intent, ReplySettings settings) {
        if (CommentReplies.DONATION.equals(intent) || message.event().postId() == null) {
            return Optional.empty();
        }
        Optional<Long> signup = signups.signupOfPost(message.event().postId());
        if (signup.isEmpty()) {
            return Optional.empty();
        }
        String question =
                message.event().text() == null ? "" : message.event().text().toLowerCase(Locale.ROOT);
        Map<String, String> facts = signups.facts(signup.get());
        List<String> parts = new ArrayList<>();
        facts.forEach((name, value) -> {
            if (mentions(question, name)) {
                parts.add(capitalised(name) + ": " + value);
            }
        });
        if (CommentReplies.EVENT_QUESTION.equals(intent) && asksWhen(question)) {
            List<Slot> slots = signups.upcomingSlots(signup.get(), clock.instant());
            if (!slots.isEmpty()) {
                parts.add("Times: " + slots.stream().map(s -> s.describe(zone)).collect(Collectors.joining("; ")));
            }
        }
        if (parts.isEmpty() && CommentReplies.EVENT_QUESTION.equals(intent) && !facts.isEmpty()) {
            facts.forEach((name, value) -> parts.add(capitalised(name) + ": " + value));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(". ", parts) + ".");
    }

    private static boolean mentions(String question, String factName) {
        String name = factName.toLowerCase(Locale.ROOT).replace('_', ' ');
        for (String word : name.split("\\s+")) {
            if (word.length() >= 4 && question.contains(word.substring(0, Math.min(word.length(), 5)))) {
                return true;
            }
        }
        return question.contains(name);
    }

    private static boolean asksWhen(String question) {
        return question.contains("when")
                || question.contains("what time")
                || question.contains("start")
                || question.contains("date");
    }

    private static String capitalised(String name) {
        String spaced = name.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
