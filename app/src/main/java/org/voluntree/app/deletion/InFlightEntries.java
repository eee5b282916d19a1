package org.voluntree.app.deletion;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import tools.jackson.databind.JsonNode;

/**
 * Removes a person's events from where the pipeline holds them in Redis: the queues before and
 * after classification ({@code q:preprocess}, {@code q:reply}, with their in-flight and delayed
 * items), the PIN e-mails waiting in {@code q:email} (each holds the dialog's notice for its person),
 * the streams ({@code s:comments}, {@code s:classified}, which keep entries after they were
 * handled, up to their cap) and {@code s:dead}. An event is the person's when they wrote it or, for
 * the page's own messages, were sent it.
 *
 * <p>The places are visited in the order events flow through them, so an event that moves on while
 * this runs is found at its next stop. One that is being handled in a worker's memory at that moment
 * can still be added behind the visit: the writer drops it ({@link Erasures}), and it ages out of the
 * capped stream.
 */
@Component
class InFlightEntries {

    private static final int PAGE = 500;
    private static final List<String> PERSON_FIELDS = List.of("authorId", "recipientId");
    private static final List<String> EVENT_FIELDS = List.of("event", "x:event", "payload");

    private final StatefulRedisConnection<String, byte[]> redis;

    InFlightEntries(StatefulRedisConnection<String, byte[]> redis) {
        this.redis = redis;
    }

    /** Removes every queued item and stream entry of these people; returns how many. */
    long remove(Set<String> facebookUserIds) {
        RedisCommands<String, byte[]> r = redis.sync();
        return fromQueue(r, RedisNames.PREPROCESS_QUEUE, facebookUserIds)
                + fromStream(r, RedisNames.COMMENTS_STREAM, facebookUserIds)
                + fromStream(r, RedisNames.CLASSIFIED_STREAM, facebookUserIds)
                + fromQueue(r, RedisNames.REPLY_QUEUE, facebookUserIds)
                + fromQueue(r, RedisNames.EMAIL_QUEUE, facebookUserIds)
                + fromStream(r, RedisNames.DEAD_STREAM, facebookUserIds);
    }

    private long fromQueue(RedisCommands<String, byte[]> r, String queue, Set<String> ids) {
        long removed = fromList(r, queue, ids);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = r.scan(
                    cursor,
                    ScanArgs.Builder.matches(RedisNames.processingListPattern(queue))
                            .limit(200));
            for (String processing : page.getKeys()) {
                removed += fromList(r, processing, ids);
            }
            cursor = page;
        } while (!cursor.isFinished());
        String delayed = RedisNames.delayed(queue);
        for (byte[] item : r.zrange(delayed, 0, -1)) {
            if (concerns(item, ids)) {
                removed += r.zrem(delayed, item);
            }
        }
        return removed;
    }

    private static long fromList(RedisCommands<String, byte[]> r, String list, Set<String> ids) {
        long removed = 0;
        for (byte[] item : r.lrange(list, 0, -1)) {
            if (concerns(item, ids)) {
                removed += r.lrem(list, 0, item);
            }
        }
        return removed;
    }

    private static long fromStream(RedisCommands<String, byte[]> r, String stream, Set<String> ids) {
        long removed = 0;
        String from = "-";
        List<StreamMessage<String, byte[]>> page;
        do {
            page = r.xrange(stream, Range.create(from, "+"), Limit.from(PAGE));
            List<String> theirs = new ArrayList<>();
            for (StreamMessage<String, byte[]> entry : page) {
                if (EVENT_FIELDS.stream().anyMatch(f -> concerns(entry.getBody().get(f), ids))) {
                    theirs.add(entry.getId());
                }
            }
            if (!theirs.isEmpty()) {
                removed += r.xdel(stream, theirs.toArray(String[]::new));
            }
            if (!page.isEmpty()) {
                from = successor(page.get(page.size() - 1).getId());
            }
        } while (page.size() == PAGE);
        return removed;
    }

    /** The smallest stream id after this one ({@code 1700000000000-4} → {@code 1700000000000-5}). */
    static String successor(String id) {
        int dash = id.indexOf('-');
        return id.substring(0, dash) + "-" + (Long.parseLong(id.substring(dash + 1)) + 1);
    }

    /** Whether a JSON record (an event, or a job holding one) was written by or sent to one of these people. */
    static boolean concerns(byte[] record, Set<String> ids) {
        if (record == null) {
            return false;
        }
        String text = new String(record, StandardCharsets.UTF_8);
        if (ids.stream().noneMatch(text::contains)) {
            return false; // the cheap test first: most records name nobody erased
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(text);
        } catch (RuntimeException notJson) {
            return false;
        }
        for (String field : PERSON_FIELDS) {
            for (JsonNode value : tree.findValues(field)) {
                if (value.isString() && ids.contains(value.asString())) {
                    return true;
                }
            }
        }
        return false;
    }
}
