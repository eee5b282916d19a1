package org.voluntree.workers.queue;

import java.util.List;

/** Does the work for one queue item. Throwing means the item is retried (or dead-lettered). */
@FunctionalInterface
public interface JobHandler {

    void handle(byte[] item) throws Exception;

    /**
     * Does the work for several items taken together (up to {@link QueueSettings#batchSize()}, in
     * queue order) and says which failed; the others are acknowledged together. A handler that can
     * share round trips between items overrides this; the default handles them one by one.
     * Throwing fails every item of the batch.
     */
    default BatchOutcome handleAll(List<byte[]> items) throws Exception {
        BatchOutcome outcome = new BatchOutcome(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                handle(items.get(i));
            } catch (Exception e) {
                outcome.failed(i, e);
            }
        }
        return outcome;
    }

    /**
     * The item went to {@code s:dead} ({@code reason} as recorded there): a handler that recorded the
     * work as in progress says here that it stopped. Failing here changes nothing of the dead letter.
     */
    default void gaveUp(byte[] item, String reason) {}
}
