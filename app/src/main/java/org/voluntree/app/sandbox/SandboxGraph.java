package org.voluntree.app.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's Graph objects, in memory: pages, their posts and photos, comments and replies, and
 * which fields the app is subscribed to per page. Every method is atomic (one lock for the whole
 * graph: the sandbox serves tests and a demo, not load).
 */
final class SandboxGraph {

    record Page(String id, String name, String category) {}

    record Post(
            String id,
            String pageId,
            String message,
            String link,
            String photoId,
            String photoSource,
            Instant createdAt,
            boolean published,
            Instant scheduledAt) {

        boolean publishedAt(Instant now) {
            return published || (scheduledAt != null && !now.isBefore(scheduledAt));
        }

        Post withMessage(String value) {
            return new Post(id, pageId, value, link, photoId, photoSource, createdAt, published, scheduledAt);
        }
    }

    record Comment(
            long seq,
            String id,
            String postId,
            String parentId,
            String fromId,
            String fromName,
            String message,
            Instant createdAt,
            boolean hidden) {

        Comment withHidden(boolean value) {
            return new Comment(seq, id, postId, parentId, fromId, fromName, message, createdAt, value);
        }

        Comment withMessage(String value) {
            return new Comment(seq, id, postId, parentId, fromId, fromName, value, createdAt, hidden);
        }
    }

    /** One page of a comment listing, with Facebook-style opaque cursors. */
    record CommentPage(List<Comment> data, String before, String after, boolean hasNext) {}

    /** One page of a page's published posts, newest first; {@code hasNext} when older ones follow. */
    record PostPage(List<Post> data, boolean hasNext) {}

    /** The query parameters of {@code GET /{object}/comments}. */
    record CommentQuery(boolean stream, boolean reverse, Instant since, int limit, String after, String before) {}

    private static final Comparator<Comment> CHRONOLOGICAL =
            Comparator.comparing(Comment::createdAt).thenComparingLong(Comment::seq);

    private final Clock clock;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private final Map<String, List<String>> subscriptions = new LinkedHashMap<>();
    private long sequence;

    SandboxGraph(Clock clock) {
        this.clock = clock;
        // ids never repeat across restarts, as on Facebook: the webhook remembers the ids it accepted (7 days by
        // default, in Redis, which outlives the sandbox) and would drop a new comment that reused an old id
        this.sequence = clock.millis() * 1_000;
    }

    synchronized Page putPage(String id, String name) {
        Page page = new Page(id, name, "Nonprofit Organization");
        pages.put(id, page);
        return page;
    }

    synchronized Optional<Page> page(String id) {
        return Optional.ofNullable(pages.get(id));
    }

    synchronized List<Page> pages() {
        return List.copyOf(pages.values());
    }

    synchronized Post publish(
            String pageId, String message, String link, String photoSource, boolean published, Instant scheduledAt) {
        String photoId = photoSource == null ? null : Long.toString(++sequence);
        Post post = new Post(
                pageId + "_" + (++sequence),
                pageId,
                message,
                link,
                photoId,
                photoSource,
                clock.instant(),
                published,
                scheduledAt);
        posts.put(post.id(), post);
        return post;
    }

    synchronized Optional<Post> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    /**
     * The page's posts published at {@code now} and created at or after {@code since} (when given),
     * newest first, starting after the post {@code afterId} (when given).
     */
    synchronized PostPage publishedPosts(String pageId, Instant now, Instant since, int limit, String afterId) {
        List<Post> all = new ArrayList<>();
        for (Post post : posts.values()) {
            if (post.pageId().equals(pageId)
                    && post.publishedAt(now)
                    && (since == null || !post.createdAt().isBefore(since))) {
                all.add(post);
            }
        }
        java.util.Collections.reverse(all);
        int from = 0;
        if (afterId != null) {
            from = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(afterId)) {
                    from = i + 1;
                    break;
                }
            }
        }
        int to = Math.min(all.size(), from + limit);
        return new PostPage(List.copyOf(all.subList(from, to)), to < all.size());
    }

    synchronized Optional<Post> postByPhotoId(String photoId) {
        return posts.values().stream().filter(p -> photoId.equals(p.photoId())).findFirst();
    }

    synchronized Optional<Post> latestPost(String pageId) {
        Post latest = null;
        for (Post post : posts.values()) {
            if (post.pageId().equals(pageId)) {
                latest = post;
            }
        }
        return Optional.ofNullable(latest);
    }

    synchronized boolean deletePost(String id) {
        if (posts.remove(id) == null) {
            return false;
        }
        comments.values().removeIf(c -> c.postId().equals(id));
        return true;
    }

    /** Adds a comment under a post, or a reply under a comment when {@code parentId} names one. */
    synchronized Comment comment(String postId, String parentId, String fromId, String fromName, String message) {
        return comment(postId, parentId, fromId, fromName, message, clock.instant());
    }

    synchronized Comment comment(
            String postId, String parentId, String fromId, String fromName, String message, Instant createdAt) {
        long seq = ++sequence;
        String local = postId.contains("_") ? postId.substring(postId.indexOf('_') + 1) : postId;
        Comment comment =
                new Comment(seq, local + "_" + seq, postId, parentId, fromId, fromName, message, createdAt, false);
        comments.put(comment.id(), comment);
        return comment;
    }

    synchronized Optional<Comment> comment(String id) {
        return Optional.ofNullable(comments.get(id));
    }

    synchronized Comment setHidden(String id, boolean hidden) {
        return comments.computeIfPresent(id, (key, comment) -> comment.withHidden(hidden));
    }

    synchronized Post editPost(String id, String message) {
        return posts.computeIfPresent(id, (key, post) -> post.withMessage(message));
    }

    synchronized Comment editComment(String id, String message) {
        return comments.computeIfPresent(id, (key, comment) -> comment.withMessage(message));
    }

    /** Deletes a comment and its replies. */
    synchronized boolean deleteComment(String id) {
        if (comments.remove(id) == null) {
            return false;
        }
        comments.values().removeIf(c -> id.equals(c.parentId()));
        return true;
    }

    synchronized int replyCount(String commentId) {
        return (int) comments.values().stream()
                .filter(c -> commentId.equals(c.parentId()))
                .count();
    }

    /**
     * The comments of a post ({@code objectId} a post id) or the replies to a comment. Top level only
     * unless {@code stream}, chronological unless {@code reverse}; cursors point at a comment.
     */
    synchronized CommentPage comments(String objectId, CommentQuery query) {
        boolean ofPost = posts.containsKey(objectId);
        List<Comment> all = new ArrayList<>();
        for (Comment c : comments.values()) {
            boolean belongs = ofPost
                    ? c.postId().equals(objectId) && (query.stream() || c.parentId() == null)
                    : objectId.equals(c.parentId());
            if (belongs && (query.since() == null || !c.createdAt().isBefore(query.since()))) {
                all.add(c);
            }
        }
        all.sort(query.reverse() ? CHRONOLOGICAL.reversed() : CHRONOLOGICAL);
        int from = 0;
        int to = all.size();
        if (query.after() != null) {
            from = indexAfter(all, query.after());
            to = Math.min(all.size(), from + query.limit());
        } else if (query.before() != null) {
            to = indexOf(all, query.before());
            from = Math.max(0, to - query.limit());
        } else {
            to = Math.min(all.size(), query.limit());
        }
        List<Comment> data = List.copyOf(all.subList(from, Math.max(from, to)));
        String before = data.isEmpty() ? null : cursor(data.get(0));
        String after = data.isEmpty() ? null : cursor(data.get(data.size() - 1));
        return new CommentPage(data, before, after, to < all.size());
    }

    synchronized void subscribe(String pageId, List<String> fields) {
        subscriptions.put(pageId, List.copyOf(fields));
    }

    synchronized boolean unsubscribe(String pageId) {
        return subscriptions.remove(pageId) != null;
    }

    synchronized Optional<List<String>> subscribedFields(String pageId) {
        return Optional.ofNullable(subscriptions.get(pageId));
    }

    synchronized void clear() {
        posts.clear();
        comments.clear();
        subscriptions.clear();
    }

    static String cursor(Comment comment) {
        return Base64.getEncoder().encodeToString(Long.toString(comment.seq()).getBytes(StandardCharsets.US_ASCII));
    }

    private static int indexAfter(List<Comment> list, String cursor) {
        return Math.min(list.size(), indexOf(list, cursor) + 1);
    }

    private static int indexOf(List<Comment> list, String cursor) {
        long seq;
        try {
            seq = Long.parseLong(new String(Base64.getDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw GraphApiException.invalidParameter("Invalid cursor: " + cursor);
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).seq() == seq) {
                return i;
            }
        }
        throw GraphApiException.invalidParameter("Invalid cursor: " + cursor);
    }
}
