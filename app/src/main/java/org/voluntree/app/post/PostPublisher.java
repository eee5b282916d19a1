package org.voluntree.app.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.GraphPost;
import org.voluntree.app.facebook.GraphRateLimitedException;
import org.voluntree.app.facebook.GraphRequestRejectedException;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.facebook.PageTokenInvalidException;
import org.voluntree.app.page.PageAlerts;
import org.voluntree.app.page.PageNotConnectedException;
import org.voluntree.app.page.PageTokens;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.PermanentFailure;
import org.voluntree.workers.queue.RetryLater;

/**
 * Publishes one post of {@code q:publish} (the job is the post id): its text, with the signup's
 * schedule appended when asked, as a text or photo post on its page, then records the Facebook
 * post id. A post that is not in {@code publishing} any more is left alone, so a retried job does
 * not publish twice once the first attempt was recorded; and a retry after an attempt whose
 * outcome was never recorded (the worker died during the call) first looks for the post on the
 * page ({@code published_posts}) and records it instead of publishing it again.
 */
class PostPublisher implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(PostPublisher.class);
    private static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(1);

    private final PostStore posts;
    private final SignupStore signups;
    private final PageTokens pages;
    private final PageAlerts alerts;
    private final GraphApi graph;
    private final ZoneId zone;
    private final Duration parked;
    private final Clock clock = Clock.systemUTC();

    PostPublisher(
            PostStore posts,
            SignupStore signups,
            PageTokens pages,
            PageAlerts alerts,
            GraphApi graph,
            ZoneId zone,
            Duration parked) {
        this.posts = posts;
        this.signups = signups;
        this.pages = pages;
        this.alerts = alerts;
        this.graph = graph;
        this.zone = zone;
        this.parked = parked;
    }

    @Override
    public void handle(byte[] item) {
        String job = new String(item, StandardCharsets.UTF_8).strip();
        boolean schedule = job.startsWith(PostSchedules.JOB_PREFIX);
        long postId;
        try {
            postId = Long.parseLong(schedule ? job.substring(PostSchedules.JOB_PREFIX.length()) : job);
        } catch (NumberFormatException e) {
            throw PermanentFailure.because("a publish job is a post id, or schedule:<post id>");
        }
        if (schedule) {
            refreshSchedule(postId);
            return;
        }
        PostView post = posts.find(postId).orElse(null);
        if (post == null || !"publishing".equals(post.state())) {
            return;
        }
        if (pages.needsReauthorisation(post.pageId())) {
            throw parkedUntilReconnected(post);
        }
        PageAccess page;
        try {
            page = pages.access(post.pageId());
        } catch (PageNotConnectedException e) {
            posts.markFailed(postId, e.getMessage());
            return;
        }
        String text = text(post);
        try {
            Optional<String> earlier =
                    posts.recordPublishAttempt(postId).flatMap(attempted -> publishedEarlier(page, post, attempted));
            if (earlier.isPresent()) {
                posts.markPublished(postId, earlier.get());
                log.info(
                        "Post {} was already on page {} from an interrupted attempt; recorded it",
                        postId,
                        post.pageId());
                return;
            }
            String facebookId = post.photoUrl() == null
                    ? graph.publishPost(page, text, null, null)
                    : graph.publishPhoto(page, text, post.photoUrl(), null);
            posts.markPublished(postId, facebookId);
            log.info("Published post {} on page {}", postId, post.pageId());
        } catch (PageTokenInvalidException e) {
            alerts.tokenRefused(post.pageId(), e.getMessage());
            throw parkedUntilReconnected(post);
        } catch (GraphRateLimitedException e) {
            throw RetryLater.after(e.retryAfter(), e.getMessage());
        } catch (GraphRequestRejectedException e) {
            posts.markFailed(postId, e.getMessage());
        }
    }

    /** The work waits until the post's page is reconnected (its token was refused). */
    private RetryLater parkedUntilReconnected(PostView post) {
        return RetryLater.after(parked, "page " + post.pageId() + " needs reauthorisation");
    }

    /**
     * Writes a published post's text again, its schedule as the signup is now (an admin edited it): the
     * same text twice is one edit, so a retried job changes nothing more.
     */
    private void refreshSchedule(long postId) {
        PostView post = posts.find(postId).orElse(null);
        if (post == null || !"published".equals(post.state()) || post.facebookPostId() == null) {
            return;
        }
        if (pages.needsReauthorisation(post.pageId())) {
            throw parkedUntilReconnected(post);
        }
        try {
            graph.editPost(pages.access(post.pageId()), post.facebookPostId(), text(post));
            log.info("Updated the schedule of post {} on page {}", postId, post.pageId());
        } catch (PageNotConnectedException e) {
            log.warn("Post {}'s schedule was not updated: {}", postId, e.getMessage());
        } catch (PageTokenInvalidException e) {
            alerts.tokenRefused(post.pageId(), e.getMessage());
            throw parkedUntilReconnected(post);
        } catch (GraphRateLimitedException e) {
            throw RetryLater.after(e.retryAfter(), e.getMessage());
        } catch (GraphRequestRejectedException e) {
            // deleted on Facebook, or no longer editable: the post itself is as it was
            log.warn("Facebook refused to update the schedule of post {}: {}", postId, e.getMessage());
        }
    }

    /**
     * The post an earlier, interrupted attempt left on the page: published since that attempt (with
     * a minute's allowance for clocks), its text starting with the admin's message (the schedule
     * appended to it may have lost a slot since).
     */
    private Optional<String> publishedEarlier(PageAccess page, PostView post, Instant attempted) {
        return graph.publishedPostsSince(page, attempted.minus(CLOCK_ALLOWANCE), 100).stream()
                .filter(p -> p.message() != null && p.message().startsWith(post.message()))
                .map(GraphPost::id)
                .reduce((newer, older) -> older);
    }

    /** The post's message, with the signup's upcoming slots listed when asked. */
    String text(PostView post) {
        if (post.signupId() == null || !post.appendSchedule()) {
            return post.message();
        }
        List<Slot> slots = signups.upcomingSlots(post.signupId(), clock.instant());
        if (slots.isEmpty()) {
            return post.message();
        }
        StringBuilder text = new StringBuilder(post.message()).append("\n\n📅 ").append(signups.title(post.signupId()));
        for (Slot slot : slots) {
            text.append("\n• ")
                    .append(slot.describe(zone))
                    .append(" — ")
                    .append(slot.required())
                    .append(slot.required() == 1 ? " volunteer" : " volunteers")
                    .append(" needed");
        }
        return text.append("\n\nComment or message us to sign up!").toString();
    }
}
