package org.voluntree.contracts.dead;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Writes, lists and replays {@code s:dead}. A list item is stored as {@code payload}; a stream
 * entry's fields are stored under {@code x:<field>} so that a replay re-adds the same entry.
 */
public final class DeadLetters {

    public static final String LIST = "list";
    public static final String STREAM = "stream";

    private static final String FIELD_PREFIX = "x:";
    private static final long MAX_LENGTH = 100_000;

    private final RedisCommands<String, byte[]> redis;

    public DeadLetters(RedisCommands<String, byte[]> redis) {
        this.redis = redis;
    }

    /** Records a list item that gave up. */
    public String addListItem(String queue, byte[] item, String error, int attempts) {
        Map<String, byte[]> entry = header(queue, LIST, error, attempts);
        entry.put("payload", item);
        return redis.xadd(
                RedisNames.DEAD_STREAM, XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(), entry);
    }

    /** Records a stream entry that gave up. */
    public String addStreamEntry(String stream, Map<String, byte[]> fields, String error, int attempts) {
        Map<String, byte[]> entry = header(stream, STREAM, error, attempts);
        fields.forEach((k, v) -> entry.put(FIELD_PREFIX + k, v));
        return redis.xadd(
                RedisNames.DEAD_STREAM, XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(), entry);
    }

    public List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (StreamMessage<String, byte[]> message :
                redis.xrange(RedisNames.DEAD_STREAM, Range.create("-", "+"), Limit.from(limit))) {
            letters.add(toLetter(message));
        }
        return letters;
    }

    public Optional<DeadLetter> get(String id) {
        List<StreamMessage<String, byte[]>> found = redis.xrange(RedisNames.DEAD_STREAM, Range.create(id, id));
        return found.isEmpty() ? Optional.empty() : Optional.of(toLetter(found.get(0)));
    }

    /** Puts a dead letter back where it came from and removes it from {@code s:dead}. */
    public void replay(DeadLetter letter) {
        if (LIST.equals(letter.sourceType())) {
            redis.lpush(letter.source(), letter.payload());
        } else {
            redis.xadd(letter.source(), letter.fields());
        }
        redis.xdel(RedisNames.DEAD_STREAM, letter.id());
    }

    public long size() {
        return redis.xlen(RedisNames.DEAD_STREAM);
    }

    private static Map<String, byte[]> header(String source, String type, String error, int attempts) {
        Map<String, byte[]> entry = new LinkedHashMap<>();
        entry.put("source", utf8(source));
        entry.put("type", utf8(type));
        entry.put("error", utf8(error == null ? "unknown error" : error));
        entry.put("attempts", utf8(Integer.toString(attempts)));
        entry.put("failedAt", utf8(Instant.now().toString()));
        return entry;
    }

    private static DeadLetter toLetter(StreamMessage<String, byte[]> message) {
        Map<String, byte[]> body = message.getBody();
        Map<String, byte[]> fields = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (k.startsWith(FIELD_PREFIX)) {
                fields.put(k.substring(FIELD_PREFIX.length()), v);
            }
        });
        return new DeadLetter(
                message.getId(),
                text(body.get("source")),
                text(body.get("type")),
                text(body.get("error")),
                Integer.parseInt(text(body.get("attempts"))),
                Instant.parse(text(body.get("failedAt"))),
                body.get("payload"),
                fields);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }
}
