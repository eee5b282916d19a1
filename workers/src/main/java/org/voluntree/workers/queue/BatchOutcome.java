package org.voluntree.workers.queue;

import java.util.Optional;

/** What became of each item of a batch a {@link JobHandler} was given: done, or failed with an error. */
public final class BatchOutcome {

    private final Exception[] failures;

    public BatchOutcome(int size) {
        this.failures = new Exception[size];
    }

    /** Every item failed for the same reason (the handler could not start on any of them). */
    public static BatchOutcome allFailed(int size, Exception error) {
        BatchOutcome outcome = new BatchOutcome(size);
        for (int i = 0; i < size; i++) {
            outcome.failed(i, error);
        }
        return outcome;
    }

    /** The item at {@code index} failed: it is retried or dead-lettered like a single job that threw. */
    public void failed(int index, Exception error) {
        if (error == null) {
            throw new IllegalArgumentException("a failure needs its error");
        }
        failures[index] = error;
    }

    public Optional<Exception> failure(int index) {
        return Optional.ofNullable(failures[index]);
    }

    public int size() {
        return failures.length;
    }
}
