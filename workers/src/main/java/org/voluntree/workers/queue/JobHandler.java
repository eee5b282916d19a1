package org.voluntree.workers.queue;

/** Does the work for one queue item. Throwing means the item is retried (or dead-lettered). */
@FunctionalInterface
public interface JobHandler {

    void handle(byte[] item) throws Exception;
}
