package org.voluntree.app.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.sandbox.SandboxGraph.Comment;
import org.voluntree.app.sandbox.SandboxGraph.Page;
import org.voluntree.app.sandbox.SandboxGraph.Post;
import org.voluntree.app.sandbox.WebhookSimulator.Delivery;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * {@code /sandbox/simulate/*}: people commenting and writing to a page. Each call changes the sandbox
 * (the comment exists, the 24-hour window opens) and delivers a signed webhook, answering with the
 * payload sent and the webhook's status.
 */
@ConditionalOnSandbox
@RestController
class WebhookSimulatorController {

    /**
     * Facebook delivers what people write, U+0000 included (the pipeline drops it), so the simulator's
     * texts are read as Facebook's would be, not with the API's refusal of it ({@code RequestBodyJson}).
     */
    record SimulatedComment(
            @NotBlank String pageId,
            String postId,
            String authorId,

            @NotBlank @JsonDeserialize(using = StringDeserializer.class)
            String authorName,

            @NotBlank @JsonDeserialize(using = StringDeserializer.class)
            String text,

            String parentId,
            String writtenAgo) {}

    record SimulatedMessage(
            @NotBlank String pageId,
            @NotBlank String psid,

            @NotBlank @JsonDeserialize(using = StringDeserializer.class)
            String text) {}

    /** A message, optionally the tap on a quick reply (its title as the text, its payload). */
    record SimulatedInbound(
            @NotBlank String pageId,
            @NotBlank String psid,

            @NotBlank @JsonDeserialize(using = StringDeserializer.class)
            String text,

            String quickReplyPayload) {}

    record SimulatedPostback(
            @NotBlank String pageId,
            @NotBlank String psid,
            @NotBlank String payload,
            @NotBlank String title) {}

    private final SandboxState state;
    private final WebhookSimulator simulator;

    WebhookSimulatorController(SandboxState state, WebhookSimulator simulator) {
        this.state = state;
        this.simulator = simulator;
    }

    @PostMapping("/sandbox/simulate/comment")
    Delivery comment(@Valid @RequestBody SimulatedComment request) {
        Page page = page(request.pageId());
        Comment parent = null;
        Post post;
        if (request.parentId() != null) {
            parent = state.graph()
                    .comment(request.parentId())
                    .orElseThrow(() -> SandboxControlException.unknownObject("comment", request.parentId()));
            if (parent.parentId() != null) {
                // Facebook threads replies one level deep
                parent = state.graph().comment(parent.parentId()).orElseThrow();
            }
            post = state.graph().post(parent.postId()).orElseThrow();
        } else if (request.postId() != null) {
            post = state.graph()
                    .post(request.postId())
                    .orElseThrow(() -> SandboxControlException.unknownObject("post", request.postId()));
        } else {
            post = state.graph()
                    .latestPost(page.id())
                    .orElseThrow(() -> SandboxControlException.invalid(
                            "page " + page.id() + " has no post yet: publish one or name a postId"));
        }
        if (!post.pageId().equals(page.id())) {
            throw SandboxControlException.invalid("post " + post.id() + " is not on page " + page.id());
        }
        String authorId =
                request.authorId() != null ? request.authorId() : WebhookSimulator.personId(request.authorName());
        // not checked against the post's time: a test's post is new, the comment it backdates is not
        Instant createdAt = state.clock().instant().minus(writtenAgo(request.writtenAgo()));
        return simulator.comment(page, post, parent, authorId, request.authorName(), request.text(), createdAt);
    }

    /**
     * How long before now the comment was written ({@code PT192H} or {@code 8d}; none: now): its webhook
     * still arrives now, as one the app reads late (after an outage, by reconciliation) would.
     */
    private static Duration writtenAgo(String writtenAgo) {
        if (writtenAgo == null) {
            return Duration.ZERO;
        }
        Duration ago;
        try {
            ago = DurationStyle.detectAndParse(writtenAgo);
        } catch (IllegalArgumentException e) {
            throw SandboxControlException.invalid("writtenAgo must be a duration such as PT192H or 8d");
        }
        if (ago.isNegative()) {
            throw SandboxControlException.invalid(
                    "writtenAgo cannot be negative: a comment is not written in the future");
        }
        return ago;
    }

    @PostMapping("/sandbox/simulate/message")
    Delivery message(@Valid @RequestBody SimulatedInbound request) {
        return simulator.message(page(request.pageId()), request.psid(), request.text(), request.quickReplyPayload());
    }

    @PostMapping("/sandbox/simulate/postback")
    Delivery postback(@Valid @RequestBody SimulatedPostback request) {
        return simulator.postback(page(request.pageId()), request.psid(), request.payload(), request.title());
    }

    @PostMapping("/sandbox/simulate/echo")
    Delivery echo(@Valid @RequestBody SimulatedMessage request) {
        return simulator.echo(page(request.pageId()), request.psid(), request.text());
    }

    private Page page(String pageId) {
        return state.graph().page(pageId).orElseThrow(() -> SandboxControlException.unknownPage(pageId));
    }
}
