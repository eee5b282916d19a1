package org.voluntree.gears.engine.redisai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the raw replies Jedis hands back for module commands (byte[] strings, Long integers, List arrays). */
final class RedisAiReplies {

    /** An {@code AI.TENSORGET key META BLOB} reply. */
    record Tensor(String dtype, List<Long> shape, byte[] blob) {}

    private RedisAiReplies() {}

    /** An array of alternating names and values (MODELGET META, TENSORGET META, a MODULE LIST entry). */
    static Map<String, Object> pairs(Object reply) {
        if (!(reply instanceof List<?> items) || items.size() % 2 != 0) {
            throw new IllegalStateException("expected an array of name/value pairs, got " + describe(reply));
        }
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            pairs.put(text(items.get(i)).toLowerCase(java.util.Locale.ROOT), items.get(i + 1));
        }
        return pairs;
    }

    static Tensor tensor(Object reply) {
        Map<String, Object> pairs = pairs(reply);
        Object shape = pairs.get("shape");
        Object blob = pairs.get("blob");
        if (!(shape instanceof List<?> dims) || !(blob instanceof byte[] bytes)) {
            throw new IllegalStateException("AI.TENSORGET META BLOB reply lacks shape or blob: " + pairs.keySet());
        }
        List<Long> shapeList = new ArrayList<>(dims.size());
        for (Object dim : dims) {
            shapeList.add(number(dim));
        }
        return new Tensor(text(pairs.get("dtype")), shapeList, bytes);
    }

    static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "" : value.toString();
    }

    static long number(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        return Long.parseLong(text(value));
    }

    private static String describe(Object reply) {
        return reply == null
                ? "nil"
                : reply instanceof byte[] b
                        ? "'" + text(b) + "'"
                        : reply.getClass().getSimpleName();
    }
}
