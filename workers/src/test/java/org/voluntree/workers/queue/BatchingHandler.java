package org.voluntree.workers.queue;

import java.util.List;

/** A test handler that expects whole batches: a worker taking more than one item a turn never calls {@code handle}. */
@FunctionalInterface
interface BatchingHandler extends JobHandler {

    @Override
    default void handle(byte[] item) {
        throw new AssertionError("a batching queue hands its items over together");
    }

    @Override
    BatchOutcome handleAll(List<byte[]> items);
}
