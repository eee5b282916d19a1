package org.voluntree.app.reply;

import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Answers from what the organisation configured: event, requirements and donation info. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OrganisationInfoAnswers implements AnswerSource {

    @Override
    public Optional<String> answer(MessageToAnswer message, String intent, ReplySettings settings) {
        String info = switch (intent) {
            case CommentReplies.EVENT_QUESTION -> settings.eventInfo();
            case CommentReplies.REQUIREMENTS_QUESTION -> settings.requirementsInfo();
            case CommentReplies.DONATION -> settings.donationInfo();
            default -> null;
        };
        return info == null || info.isBlank() ? Optional.empty() : Optional.of(info.strip());
    }
}
