package org.voluntree.app.roles;

import io.lettuce.core.RedisClient;
import org.springframework.context.SmartLifecycle;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.QueueSettings;
import org.voluntree.workers.queue.QueueWorker;

/** Starts a {@link QueueWorker} with the application and stops it with it; every queue of the workers role is one. */
public final class QueueWorkerLifecycle implements SmartLifecycle {

    /** Workers start after the writer and stop before it (see WriterRole). */
    public static final int PHASE = 10;

    private final RedisClient client;
    private final String queue;
    private final JobHandler handler;
    private final QueueSettings settings;
    private QueueWorker worker;

    public QueueWorkerLifecycle(RedisClient client, String queue, JobHandler handler, QueueSettings settings) {
        this.client = client;
        this.queue = queue;
        this.handler = handler;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        worker = new QueueWorker(client, queue, handler, settings);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
