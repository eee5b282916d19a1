package org.voluntree.app.conversation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Marks the messages the signup dialog took as answers (an e-mail address, a PIN, a slot choice).
 * They are not opinions: the sentiment model reads "482913" or "Sat 9:00" as confidently as a
 * review, so the dashboard neither colours nor counts their sentiment.
 */
@Component
class DialogAnswers {

    private final JdbcTemplate jdbc;

    DialogAnswers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void mark(long messageId) {
        jdbc.update("update messages set dialog_answer = true where id = ?", messageId);
    }
}
