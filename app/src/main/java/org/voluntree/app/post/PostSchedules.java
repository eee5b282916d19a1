package org.voluntree.app.post;

import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.app.signup.SignupEdited;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Keeps the schedule a published post lists in step with its signup: when an admin edits the signup,
 * each of its published posts that carries the schedule gets a {@code q:publish} job
 * {@code schedule:<post id>}, and the publisher writes the post's text again on Facebook.
 */
@Component
@ConditionalOnRole(Role.WEB)
class PostSchedules {

    static final String JOB_PREFIX = "schedule:";

    private final JdbcTemplate jdbc;
    private final StatefulRedisConnection<String, byte[]> redis;

    PostSchedules(JdbcTemplate jdbc, StatefulRedisConnection<String, byte[]> redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    @EventListener
    void signupEdited(SignupEdited edited) {
        for (Long post : jdbc.queryForList("""
                select id from posts
                 where organisation_id = ? and signup_id = ? and append_schedule
                   and state = 'published' and facebook_post_id is not null
                """, Long.class, edited.organisationId(), edited.signupId())) {
            redis.sync().lpush(RedisNames.PUBLISH_QUEUE, (JOB_PREFIX + post).getBytes(StandardCharsets.UTF_8));
        }
    }
}
