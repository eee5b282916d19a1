package org.voluntree.app.roles;

/** The parts one process can run; production runs each as its own processes. */
public enum Role {
    /** Webhook, API, dashboard and WebSocket. */
    WEB,
    /** List-queue workers and the stream writer. */
    WORKERS,
    /** Batch inference on {@code s:comments}. */
    GEAR,
    /** Periodic jobs: reaping every queue, scheduled publishing. */
    SCHEDULER
}
