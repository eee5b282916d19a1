package org.voluntree.contracts.dead;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of {@code s:dead}.
 *
 * @param id the entry id in {@code s:dead}
 * @param source the queue or stream the item came from
 * @param sourceType {@code list} or {@code stream}
 * @param error what went wrong the last time
 * @param attempts how many deliveries failed
 * @param failedAt when it gave up
 * @param payload a list item's bytes, or null for a stream entry
 * @param fields a stream entry's fields, or empty for a list item
 */
public record DeadLetter(
        String id,
        String source,
        String sourceType,
        String error,
        int attempts,
        Instant failedAt,
        byte[] payload,
        Map<String, byte[]> fields) {}
