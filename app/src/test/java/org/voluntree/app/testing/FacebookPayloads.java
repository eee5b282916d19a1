package org.voluntree.app.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voluntree.contracts.event.Json;

/** Webhook bodies in the shapes Facebook documents for Page feed comments and Messenger messages. */
public final class FacebookPayloads {

    private FacebookPayloads() {}

    /** A comment a person added under a post. */
    public record Comment(String commentId, String authorId, String authorName, String text) {}

    /** One entry holding a change per comment. */
    public static byte[] comments(String pageId, List<Comment> comments) {
        List<Object> changes =
                comments.stream().<Object>map(c -> change(pageId, c)).toList();
        return page(List.of(Map.of("id", pageId, "time", 1764064801, "changes", changes)));
    }

    /** Comments written at the given time (Facebook's created_time), e.g. now, for figures over recent ranges. */
    public static byte[] commentsAt(String pageId, List<Comment> comments, java.time.Instant createdAt) {
        List<Object> changes = comments.stream()
                .<Object>map(c -> change(pageId, c, createdAt.getEpochSecond()))
                .toList();
        return page(List.of(Map.of("id", pageId, "time", createdAt.getEpochSecond(), "changes", changes)));
    }

    /** The same comments, each in an entry of its own (Facebook batches up to 1,000 entries). */
    public static byte[] commentsAsEntries(String pageId, List<Comment> comments) {
        List<Object> entries = new ArrayList<>();
        for (Comment c : comments) {
            entries.add(Map.of("id", pageId, "time", 1764064801, "changes", List.of(change(pageId, c))));
        }
        return page(entries);
    }

    private static Map<String, Object> change(String pageId, Comment c) {
        return change(pageId, c, 1764064800L);
    }

    private static Map<String, Object> change(String pageId, Comment c, long createdTime) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", Map.of("id", c.authorId(), "name", c.authorName()));
        value.put(
                "post",
                Map.of(
                        "status_type",
                        "added_photos",
                        "is_published",
                        true,
                        "updated_time",
                        "2026-11-25T10:00:00+0000",
                        "promotion_status",
                        "inactive",
                        "id",
                        pageId + "_777"));
        value.put("message", c.text());
        value.put("post_id", pageId + "_777");
        value.put("comment_id", c.commentId());
        value.put("created_time", createdTime);
        value.put("item", "comment");
        value.put("parent_id", pageId + "_777");
        value.put("verb", "add");
        return Map.of("value", value, "field", "feed");
    }

    private static byte[] page(List<Object> entries) {
        return Json.write(Map.of("object", "page", "entry", entries));
    }

    public static byte[] message(String pageId, String senderId, String mid, String text) {
        Map<String, Object> messaging = Map.of(
                "sender", Map.of("id", senderId),
                "recipient", Map.of("id", pageId),
                "timestamp", 1764064800123L,
                "message", Map.of("mid", mid, "text", text));
        return page(List.of(Map.of("id", pageId, "time", 1764064800123L, "messaging", List.of(messaging))));
    }
}
