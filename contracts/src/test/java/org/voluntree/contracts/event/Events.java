package org.voluntree.contracts.event;

import java.time.Instant;

/** Sample events for the record tests. */
final class Events {

    private Events() {}

    static InboundEvent comment(String id, String text) {
        return new InboundEvent(
                "comment:" + id + ":add",
                EventKind.COMMENT,
                "page-1",
                id,
                "post-1",
                null,
                "add",
                "person-7",
                "Ana Example",
                text,
                null,
                Instant.parse("2025-03-01T10:15:30Z"),
                Instant.parse("2025-03-01T10:15:31.250Z"));
    }
}
