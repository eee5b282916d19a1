package org.voluntree.app.conversation;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Marks the messages the signup dialog took as answers (an e-mail address, a PIN, a slot choice).
 * They are not opinions: the sentiment model reads "482913" or "Sat 9:00" as confidently as a
 * review, so the dashboard neither colours nor counts their sentiment; nor are they interests (offers to
 * help), whatever the intent model read in them.
 *
 * <p>The writer announced the message live ({@code message.classified}, coloured) before it queued
 * it for the dialog, so the dialog tells the dashboards too ({@link MessageTakenAsAnswer}), after
 * the mark is committed. The announcement is synchronous: if Redis does not take it, the job fails
 * before the dialog moves on and is retried like any other.
 */
@Component
class DialogAnswers {

    private final JdbcTemplate jdbc;
    private final StatefulRedisConnection<String, byte[]> redis;

    DialogAnswers(JdbcTemplate jdbc, StatefulRedisConnection<String, byte[]> redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    void mark(MessageToAnswer message) {
        jdbc.update("update messages set dialog_answer = true where id = ?", message.messageId());
        // "3" or "count me in for the 2nd" may read as an offer to help: the writer then counted it as
        // an interest, in the overview's figures and feed, the analytics' interest rate and the volunteer's page
        jdbc.update("delete from interests where message_id = ?", message.messageId());
        announce(message);
    }

    /**
     * Announces again a message taken as an answer earlier. Each job the dialog reads was queued after
     * the writer's event for its message, and a replayed writer batch announces the message anew,
     * coloured: announcing again here keeps the dialog's word the last the dashboards hear.
     */
    void announceIfTaken(MessageToAnswer message) {
        List<Boolean> taken = jdbc.queryForList(
                "select dialog_answer from messages where id = ?", Boolean.class, message.messageId());
        if (taken.contains(Boolean.TRUE)) {
            announce(message);
        }
    }

    private void announce(MessageToAnswer message) {
        redis.sync()
                .publish(
                        RedisNames.orgEvents(message.organisationId()),
                        Json.write(new MessageTakenAsAnswer(message.organisationId(), message.messageId())));
    }
}
