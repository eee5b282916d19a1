package org.voluntree.workers.queue;

/** Does the work for one queue item. Throwing means the item is retried (or dead-lettered). */
@FunctionalInterface
public interface JobHandler {

    void handle(byte[] item) throws Exception;

    /**
     * The item went to {@code s:dead} ({@code reason} as recorded there): a handler that recorded the
     * work as in progress says here that it stopped. Failing here changes nothing of the dead letter.
     */
    default void gaveUp(byte[] item, String reason) {}
}
