package org.voluntree.app.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.voluntree.app.api.NotFoundException;
import org.voluntree.app.live.LiveEvents;

/** The SQL of posts and their publishing state. */
@Repository
public class PostStore {

    private static final String SELECT = """
            select p.id, g.facebook_page_id, p.signup_id, p.message, p.append_schedule, p.photo_url, p.state,
                   p.scheduled_at, p.published_at, p.facebook_post_id, p.failure, p.created_at
              from posts p join pages g on g.id = p.page_id
            """;

    private final JdbcTemplate jdbc;
    private final LiveEvents events;

    PostStore(JdbcTemplate jdbc, LiveEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Saves a draft; 404 naming {@code pageId} or {@code signupId} when it is not the organisation's. */
    public long create(long organisationId, PostRequest request) {
        List<Long> page = jdbc.queryForList(
                "select id from pages where facebook_page_id = ? and organisation_id = ?",
                Long.class,
                request.pageId(),
                organisationId);
        if (page.isEmpty()) {
            throw NotFoundException.forField(
                    "pageId", "page", request.pageId(), "GET /api/pages lists the connected ones");
        }
        if (request.signupId() != null
                && jdbc.queryForList(
                                "select id from signups where id = ? and organisation_id = ?",
                                Long.class,
                                request.signupId(),
                                organisationId)
                        .isEmpty()) {
            throw NotFoundException.forField("signupId", "signup", request.signupId(), "GET /api/signups lists them");
        }
        return jdbc.queryForObject(
                """
                insert into posts (organisation_id, page_id, signup_id, message, append_schedule, photo_url, scheduled_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """,
                Long.class,
                organisationId,
                page.get(0),
                request.signupId(),
                request.message(),
                request.appendSchedule() == null || request.appendSchedule(),
                request.photoUrl(),
                request.scheduledAt() == null ? null : Timestamp.from(request.scheduledAt()));
    }

    public Optional<PostView> find(long organisationId, long postId) {
        return jdbc
                .query(SELECT + " where p.organisation_id = ? and p.id = ?", PostStore::view, organisationId, postId)
                .stream()
                .findFirst();
    }

    /** A post for the publisher, whoever owns it. */
    Optional<PostView> find(long postId) {
        return jdbc.query(SELECT + " where p.id = ?", PostStore::view, postId).stream()
                .findFirst();
    }

    public List<PostView> ofOrganisation(long organisationId) {
        return jdbc.query(
                SELECT + " where p.organisation_id = ? order by p.created_at desc, p.id desc",
                PostStore::view,
                organisationId);
    }

    /**
     * Moves a draft (or failed) post on: to {@code scheduled} when its time is ahead, else to
     * {@code publishing}. Returns the new state, or empty when the post cannot be published now.
     */
    Optional<String> requestPublish(long organisationId, long postId, Instant now) {
        List<String> state = jdbc.queryForList("""
                update posts set state = case when scheduled_at > ? then 'scheduled' else 'publishing' end,
                                 failure = null, publish_attempted_at = null, updated_at = now()
                 where id = ? and organisation_id = ? and state in ('draft', 'failed')
                returning state
                """, String.class, Timestamp.from(now), postId, organisationId);
        state.forEach(s -> changed(postId, List.of(organisationId), s));
        return state.stream().findFirst();
    }

    /** Claims the scheduled posts whose time has come; each is claimed by one scheduler only. */
    List<Long> claimDue(Instant now) {
        return jdbc.queryForList("""
                update posts set state = 'publishing', updated_at = now()
                 where state = 'scheduled' and scheduled_at <= ?
                returning id
                """, Long.class, Timestamp.from(now));
    }

    /**
     * Notes that the workers are about to call Facebook for this post, and returns when an earlier
     * attempt did (empty the first time): a retry must then look for the post on the page first.
     */
    Optional<Instant> recordPublishAttempt(long postId) {
        List<Timestamp> previous = jdbc.query("""
                update posts p set publish_attempted_at = coalesce(old.attempted, now())
                  from (select id, publish_attempted_at as attempted from posts where id = ? for update) old
                 where p.id = old.id
                returning old.attempted
                """, (rs, n) -> rs.getTimestamp(1), postId);
        return previous.stream()
                .filter(java.util.Objects::nonNull)
                .map(Timestamp::toInstant)
                .findFirst();
    }

    void markPublished(long postId, String facebookPostId) {
        changed(postId, jdbc.queryForList("""
                update posts set state = 'published', facebook_post_id = ?, published_at = now(), failure = null,
                                 updated_at = now()
                 where id = ?
                returning organisation_id
                """, Long.class, facebookPostId, postId), "published");
    }

    void markFailed(long postId, String reason) {
        changed(
                postId,
                jdbc.queryForList(
                        "update posts set state = 'failed', failure = ?, updated_at = now() where id = ? returning organisation_id",
                        Long.class,
                        reason,
                        postId),
                "failed");
    }

    /** Tells the organisation's admins that a post's state changed (posts.html shows it live). */
    void changed(long postId, List<Long> organisation, String state) {
        organisation.forEach(
                id -> events.publish(id, LiveEvents.POST_CHANGED, Map.of("postId", postId, "state", state)));
    }

    private static PostView view(ResultSet rs, int row) throws SQLException {
        return new PostView(
                rs.getLong("id"),
                rs.getString("facebook_page_id"),
                rs.getObject("signup_id", Long.class),
                rs.getString("message"),
                rs.getBoolean("append_schedule"),
                rs.getString("photo_url"),
                rs.getString("state"),
                instant(rs.getTimestamp("scheduled_at")),
                instant(rs.getTimestamp("published_at")),
                rs.getString("facebook_post_id"),
                rs.getString("failure"),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
