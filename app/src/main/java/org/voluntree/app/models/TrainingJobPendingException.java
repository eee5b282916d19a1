package org.voluntree.app.models;

import java.util.Map;

/** A training job was refused: the analyzer already has one queued or running. */
public class TrainingJobPendingException extends RuntimeException {

    private final String pendingId;

    TrainingJobPendingException(String analyzer, String pendingId, Map<String, String> pending) {
        super("a training job for " + analyzer + " is already " + pending.getOrDefault("status", "queued") + " ("
                + pendingId + "); follow it, and train again once it has finished");
        this.pendingId = pendingId;
    }

    /** The job in flight. */
    public String pendingId() {
        return pendingId;
    }
}
