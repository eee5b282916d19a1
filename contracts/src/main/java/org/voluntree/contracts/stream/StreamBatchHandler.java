package org.voluntree.contracts.stream;

import io.lettuce.core.StreamMessage;
import java.util.List;

/**
 * Does the work for a batch of stream entries. Entries in {@link Outcome#done()} are
 * acknowledged, entries in {@link Outcome#rejected()} go to {@code s:dead} (they can never
 * succeed), and the rest stay pending to be retried. Throwing leaves the whole batch pending.
 */
@FunctionalInterface
public interface StreamBatchHandler {

    Outcome handle(List<StreamMessage<String, byte[]>> batch);

    /** An entry that can never succeed, with the reason. */
    record Rejected(StreamMessage<String, byte[]> entry, String reason) {}

    /** What became of a batch. */
    record Outcome(List<String> done, List<Rejected> rejected) {

        public static Outcome allDone(List<StreamMessage<String, byte[]>> batch) {
            return new Outcome(batch.stream().map(StreamMessage::getId).toList(), List.of());
        }
    }
}
