package org.voluntree.app.reply;

import java.util.Optional;

/**
 * Finds an answer to a question for a comment: the signup's facts, the organisation's info. Every
 * bean implementing it is asked in {@link org.springframework.core.annotation.Order order}; the
 * first answer wins, and no answer hands the question to a human.
 */
public interface AnswerSource {

    Optional<String> answer(MessageToAnswer message, String intent, ReplySettings settings);
}
