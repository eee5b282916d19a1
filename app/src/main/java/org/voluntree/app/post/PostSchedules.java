package org.voluntree.app.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.voluntree.app.outbox.JobOutbox;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.app.signup.SignupEdited;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Keeps the schedule a published post lists in step with its signup: when an admin edits the signup,
 * each of its published posts that carries the schedule gets a {@code q:publish} job
 * {@code schedule:<post id>}, and the publisher writes the post's text again on Facebook. The jobs are kept
 * with the edit ({@link JobOutbox}: {@link SignupEdited} is published in its transaction), so an edit that
 * is saved always reaches its posts.
 */
@Component
@ConditionalOnRole(Role.WEB)
class PostSchedules {

    static final String JOB_PREFIX = "schedule:";

    private final JdbcTemplate jdbc;
    private final JobOutbox outbox;

    PostSchedules(JdbcTemplate jdbc, JobOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @EventListener
    void signupEdited(SignupEdited edited) {
        List<byte[]> jobs = jdbc.queryForList("""
                        select id from posts
                         where organisation_id = ? and signup_id = ? and append_schedule
                           and state = 'published' and facebook_post_id is not null
                        """, Long.class, edited.organisationId(), edited.signupId()).stream()
                .map(post -> (JOB_PREFIX + post).getBytes(StandardCharsets.UTF_8))
                .toList();
        outbox.keep(RedisNames.PUBLISH_QUEUE, jobs);
    }
}
