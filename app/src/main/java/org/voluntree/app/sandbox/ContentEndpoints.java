package org.voluntree.app.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import org.voluntree.app.sandbox.SandboxGraph.Comment;
import org.voluntree.app.sandbox.SandboxGraph.CommentPage;
import org.voluntree.app.sandbox.SandboxGraph.Page;
import org.voluntree.app.sandbox.SandboxGraph.Post;

/**
 * Pages, posts, photos and comments: {@code POST /{page}/feed}, {@code POST /{page}/photos},
 * {@code GET /{page}/published_posts}, {@code GET /{object}}, {@code GET|POST /{object}/comments},
 * {@code POST /{comment}} (hide, edit), {@code DELETE /{object}}. Every object belongs to one page; a page token of another page sees it
 * as missing (Facebook's 100/33).
 */
final class ContentEndpoints {

    static final Duration MIN_SCHEDULE = Duration.ofMinutes(10);
    static final Duration MAX_SCHEDULE = Duration.ofDays(30);
    static final int MAX_LIMIT = 100;
    private static final DateTimeFormatter FACEBOOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private static final List<String> PAGE_DEFAULTS = List.of("name");
    private static final List<String> POST_DEFAULTS = List.of("created_time", "message");
    private static final List<String> COMMENT_DEFAULTS = List.of("created_time", "from", "message");

    private final SandboxGraph graph;
    private final Conversations conversations;
    private final Clock clock;

    ContentEndpoints(SandboxGraph graph, Conversations conversations, Clock clock) {
        this.graph = graph;
        this.conversations = conversations;
        this.clock = clock;
    }

    Map<String, Object> publishPost(GraphRequest request, Page page) {
        String message = request.param("message");
        String link = request.param("link");
        if (message == null && link == null) {
            throw GraphApiException.invalidParameter("Missing message or attachment");
        }
        Publication publication = publication(request);
        Post post = graph.publish(page.id(), message, link, null, publication.published(), publication.scheduledAt());
        return Map.of("id", post.id());
    }

    Map<String, Object> publishPhoto(GraphRequest request, Page page) {
        String url = request.param("url");
        MultipartFile source = request.files().get("source");
        if (url == null && source == null) {
            throw GraphApiException.invalidParameter("Requires upload file: pass url or a multipart source");
        }
        String caption = request.param("caption") != null ? request.param("caption") : request.param("message");
        Publication publication = publication(request);
        String photo = url != null ? url : "upload:" + source.getOriginalFilename() + ":" + source.getSize();
        Post post = graph.publish(page.id(), caption, null, photo, publication.published(), publication.scheduledAt());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", post.photoId());
        if (publication.published() || publication.scheduledAt() != null) {
            body.put("post_id", post.id());
        }
        return body;
    }

    /**
     * {@code GET /{page}/published_posts}: the page's published posts, newest first, with
     * {@code since}, {@code limit} and the {@code after} cursor.
     */
    Map<String, Object> publishedPosts(Page page, GraphRequest request) {
        int limit = Math.min(MAX_LIMIT, Math.max(1, intParam(request, "limit", 25)));
        String after = request.param("after") == null ? null : postIdOf(request.param("after"));
        SandboxGraph.PostPage found =
                graph.publishedPosts(page.id(), clock.instant(), timeParam(request, "since"), limit, after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", found.data().stream().map(p -> post(p, request)).toList());
        if (!found.data().isEmpty()) {
            String last = postCursor(found.data().get(found.data().size() - 1));
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", postCursor(found.data().get(0)), "after", last));
            if (found.hasNext()) {
                paging.put("next", nextUrl(request, limit, last));
            }
            body.put("paging", paging);
        }
        return body;
    }

    private static String postCursor(Post post) {
        return Base64.getEncoder().encodeToString(post.id().getBytes(StandardCharsets.US_ASCII));
    }

    private static String postIdOf(String cursor) {
        try {
            return new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw GraphApiException.invalidParameter("Invalid cursor: " + cursor);
        }
    }

    Map<String, Object> page(Page page, GraphRequest request) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("id", page.id());
        full.put("name", page.name());
        full.put("category", page.category());
        return GraphJson.select(full, request.param("fields"), PAGE_DEFAULTS);
    }

    Map<String, Object> post(Post post, GraphRequest request) {
        Page page = graph.page(post.pageId()).orElseThrow();
        Instant now = clock.instant();
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("id", post.id());
        full.put("message", post.message());
        full.put("link", post.link());
        full.put("created_time", GraphJson.time(post.createdAt()));
        full.put("updated_time", GraphJson.time(post.createdAt()));
        full.put("from", Map.of("id", page.id(), "name", page.name()));
        full.put("is_published", post.publishedAt(now));
        if (post.scheduledAt() != null) {
            full.put("scheduled_publish_time", post.scheduledAt().getEpochSecond());
        }
        if (post.photoId() != null) {
            full.put("object_id", post.photoId());
            full.put("full_picture", post.photoSource());
        }
        return GraphJson.select(full, request.param("fields"), POST_DEFAULTS);
    }

    Map<String, Object> photo(Post post, GraphRequest request) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("id", post.photoId());
        full.put("created_time", GraphJson.time(post.createdAt()));
        full.put("name", post.message());
        full.put("page_story_id", post.id());
        return GraphJson.select(full, request.param("fields"), List.of("created_time", "name"));
    }

    Map<String, Object> comment(Comment comment, GraphRequest request) {
        return GraphJson.select(fullComment(comment), request.param("fields"), COMMENT_DEFAULTS);
    }

    /** {@code GET /{post-or-comment}/comments} with Facebook's filter, order, since, limit and cursors. */
    Map<String, Object> comments(String objectId, GraphRequest request) {
        String filter = request.param("filter") == null ? "toplevel" : request.param("filter");
        String order = request.param("order") == null ? "chronological" : request.param("order");
        if (!filter.equals("toplevel") && !filter.equals("stream")) {
            throw GraphApiException.invalidParameter(
                    "Param filter must be one of {toplevel, stream} - got \"" + filter + "\".");
        }
        if (!order.equals("chronological") && !order.equals("reverse_chronological")) {
            throw GraphApiException.invalidParameter(
                    "Param order must be one of {chronological, " + "reverse_chronological} - got \"" + order + "\".");
        }
        int limit = Math.min(MAX_LIMIT, Math.max(1, intParam(request, "limit", 25)));
        CommentPage page = graph.comments(
                objectId,
                new SandboxGraph.CommentQuery(
                        filter.equals("stream"),
                        order.equals("reverse_chronological"),
                        timeParam(request, "since"),
                        limit,
                        request.param("after"),
                        request.param("before")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.data().stream().map(c -> comment(c, request)).toList());
        if (!page.data().isEmpty()) {
            Map<String, Object> paging = new LinkedHashMap<>();
            paging.put("cursors", Map.of("before", page.before(), "after", page.after()));
            if (page.hasNext()) {
                paging.put("next", nextUrl(request, limit, page.after()));
            }
            body.put("paging", paging);
        }
        return body;
    }

    /** {@code POST /{post-or-comment}/comments}: the page comments, or replies publicly to a comment. */
    Map<String, Object> addComment(String objectId, Page page, GraphRequest request) {
        String message = request.param("message");
        if (message == null && request.param("attachment_url") == null) {
            throw GraphApiException.missingParameter("message");
        }
        Comment created;
        Comment target = graph.comment(objectId).orElse(null);
        if (target != null) {
            // replies are one level deep on Facebook: a reply to a reply joins its thread
            String parent = target.parentId() == null ? target.id() : target.parentId();
            created = graph.comment(target.postId(), parent, page.id(), page.name(), message);
        } else {
            created = graph.comment(objectId, null, page.id(), page.name(), message);
        }
        return Map.of("id", created.id());
    }

    /** {@code POST /{post}}: a new {@code message} (a page edits its own post). */
    Map<String, Object> updatePost(Post post, GraphRequest request) {
        graph.editPost(post.id(), request.required("message"));
        return Map.of("success", true);
    }

    /** {@code POST /{comment}}: {@code is_hidden} and/or a new {@code message}. */
    Map<String, Object> updateComment(Comment comment, GraphRequest request) {
        String hidden = request.param("is_hidden");
        String message = request.param("message");
        if (hidden == null && message == null) {
            throw GraphApiException.missingParameter("is_hidden");
        }
        if (hidden != null) {
            graph.setHidden(comment.id(), bool(hidden, "is_hidden"));
        }
        if (message != null) {
            graph.editComment(comment.id(), message);
        }
        return Map.of("success", true);
    }

    Map<String, Object> fullComment(Comment comment) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("id", comment.id());
        full.put("message", comment.message());
        full.put("from", Map.of("id", comment.fromId(), "name", comment.fromName()));
        full.put("created_time", GraphJson.time(comment.createdAt()));
        if (comment.parentId() != null) {
            graph.comment(comment.parentId()).ifPresent(parent -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", parent.id());
                p.put("message", parent.message());
                p.put("from", Map.of("id", parent.fromId(), "name", parent.fromName()));
                p.put("created_time", GraphJson.time(parent.createdAt()));
                full.put("parent", p);
            });
        }
        full.put("is_hidden", comment.hidden());
        full.put("comment_count", graph.replyCount(comment.id()));
        full.put("can_reply_privately", conversations.canReplyPrivately(comment));
        full.put("object", Map.of("id", comment.postId()));
        return full;
    }

    private String nextUrl(GraphRequest request, int limit, String after) {
        UriComponentsBuilder next = UriComponentsBuilder.fromUriString(request.url());
        for (String name : List.of("fields", "filter", "order", "since")) {
            if (request.param(name) != null) {
                next.queryParam(name, request.param(name));
            }
        }
        next.queryParam("limit", limit).queryParam("after", after);
        if (request.tokenInQuery()) {
            // like Facebook's own next links; RestFB appends appsecret_proof itself
            next.queryParam("access_token", request.token());
        }
        return next.encode().build().toUriString();
    }

    private record Publication(boolean published, Instant scheduledAt) {}

    private Publication publication(GraphRequest request) {
        boolean published = request.param("published") == null || bool(request.param("published"), "published");
        Instant scheduledAt = timeParam(request, "scheduled_publish_time");
        if (scheduledAt == null) {
            return new Publication(published, null);
        }
        if (published) {
            throw GraphApiException.invalidParameter(
                    "Cannot specify a scheduled publish time on a published post; " + "set published=false");
        }
        Instant now = clock.instant();
        if (scheduledAt.isBefore(now.plus(MIN_SCHEDULE)) || scheduledAt.isAfter(now.plus(MAX_SCHEDULE))) {
            throw GraphApiException.invalidParameter("The specified scheduled publish time is invalid: it must be "
                    + "between 10 minutes and 30 days from the time of the request");
        }
        return new Publication(false, scheduledAt);
    }

    static boolean bool(String value, String name) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw GraphApiException.invalidParameter("Param " + name + " must be a boolean");
        };
    }

    static int intParam(GraphRequest request, String name, int fallback) {
        String value = request.param(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw GraphApiException.invalidParameter("Param " + name + " must be an integer");
        }
    }

    /** Unix seconds, or an ISO-8601 time, as Facebook accepts for since/until and scheduled_publish_time. */
    static Instant timeParam(GraphRequest request, String name) {
        String value = request.param(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notIso) {
                try {
                    return OffsetDateTime.parse(value, FACEBOOK_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    throw GraphApiException.invalidParameter(
                            "Param " + name + " must be a unix time or an ISO-8601 time");
                }
            }
        }
    }
}
