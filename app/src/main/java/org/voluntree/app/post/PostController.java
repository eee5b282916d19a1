package org.voluntree.app.post;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.api.PlannedTimes;
import org.voluntree.app.messages.RecentMessages;
import org.voluntree.app.outbox.JobOutbox;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.redis.RedisNames;

/**
 * {@code /api/posts}: compose a post (optionally for a signup, with a photo, at a time), publish
 * it (now, or at its time), and follow its state.
 */
@Tag(name = "Posts", description = "Signup posts on the page")
@RestController
@ConditionalOnRole(Role.WEB)
class PostController {

    private final PostStore posts;
    private final RecentMessages messages;
    private final JobOutbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    PostController(PostStore posts, RecentMessages messages, JobOutbox outbox, TransactionTemplate transaction) {
        this.posts = posts;
        this.messages = messages;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    @Operation(summary = "The organisation's posts, newest first")
    @GetMapping("/api/posts")
    List<PostView> list(@AuthenticationPrincipal AdminAccount admin) {
        return posts.ofOrganisation(admin.organisationId());
    }

    @Operation(summary = "One post and its state")
    @GetMapping("/api/posts/{id}")
    PostView get(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        return posts.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("post"));
    }

    /** The comments under the post on Facebook, with their classifications; none before it is published. */
    @Operation(summary = "A published post's comments with their classifications")
    @GetMapping("/api/posts/{id}/comments")
    List<RecentMessages.Message> comments(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        PostView post = posts.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("post"));
        return post.facebookPostId() == null
                ? List.of()
                : messages.underPost(admin.organisationId(), post.facebookPostId(), 500);
    }

    @Operation(summary = "Creates a post (a draft, or scheduled)")
    @PostMapping("/api/posts")
    @ResponseStatus(HttpStatus.CREATED)
    PostView create(@AuthenticationPrincipal AdminAccount admin, @Valid @RequestBody PostRequest request) {
        Permissions.requireWriter(admin);
        if (request.scheduledAt() != null && request.scheduledAt().isBefore(Instant.now())) {
            throw InvalidFieldException.of(
                    "scheduledAt", "is in the past; leave it out to publish when you press publish");
        }
        if (request.scheduledAt() != null) {
            PlannedTimes.requireNotTooFarAhead("scheduledAt", request.scheduledAt(), Instant.now());
        }
        long id = posts.create(admin.organisationId(), request);
        return posts.find(admin.organisationId(), id).orElseThrow();
    }

    /** Publishes now, or schedules for the post's time; the answer shows the new state. */
    @Operation(summary = "Publishes a post now, or at its scheduledAt")
    @PostMapping("/api/posts/{id}/publish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> publish(@AuthenticationPrincipal AdminAccount admin, @PathVariable long id) {
        Permissions.requireWriter(admin);
        PostView post = posts.find(admin.organisationId(), id).orElseThrow(() -> Permissions.notFound("post"));
        // the state and its job in one transaction: a post never waits in 'publishing' without one
        String state = transaction.execute(status -> {
            String next = posts.requestPublish(admin.organisationId(), id, clock.instant())
                    .orElseThrow(() -> new ResponseStatusException(
                            HttpStatus.CONFLICT,
                            "the post is " + post.state() + "; only drafts and failed posts can be published"));
            if ("publishing".equals(next)) {
                outbox.keep(RedisNames.PUBLISH_QUEUE, List.of(PublishRoles.job(id)));
            }
            return next;
        });
        return Map.of("id", id, "state", state);
    }
}
