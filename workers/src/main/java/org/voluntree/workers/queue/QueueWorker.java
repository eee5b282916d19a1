package org.voluntree.workers.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.redis.Backoff;
import org.voluntree.contracts.redis.RedisCodecs;

/**
 * Drains one queue with a number of consumer threads, each on its own blocking connection, plus
 * one scheduler thread that sends heartbeats and runs the reaper.
 */
public final class QueueWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);
    private static final long PROMOTE_EVERY_MS = 200;
    private static final Duration RETIRE_TIMEOUT = Duration.ofSeconds(2);

    private final RedisClient client;
    private final String queueName;
    private final JobHandler handler;
    private final QueueSettings settings;
    private final String processId;
    private final List<Thread> threads = new ArrayList<>();
    private final List<String> consumers = new ArrayList<>();
    private final List<StatefulRedisConnection<String, byte[]>> connections = new ArrayList<>();
    private StatefulRedisConnection<String, byte[]> shared;
    private ReliableQueue queue;
    private ScheduledExecutorService housekeeping;
    private volatile boolean running;
    private boolean swept;

    public QueueWorker(RedisClient client, String queueName, JobHandler handler, QueueSettings settings) {
        this.client = client;
        this.queueName = queueName;
        this.handler = handler;
        this.settings = settings;
        this.processId = ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        shared = client.connect(RedisCodecs.STRING_BYTES);
        queue = new ReliableQueue(queueName, settings, shared.sync(), Clock.systemUTC());
        for (int i = 0; i < settings.consumers(); i++) {
            String consumer = processId + "-" + i;
            consumers.add(consumer);
            queue.heartbeat(consumer);
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, queueName + "-housekeeping"));
        housekeeping.scheduleWithFixedDelay(
                this::housekeep, 0, settings.heartbeatEvery().toMillis(), TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(
                this::promoteDue, PROMOTE_EVERY_MS, PROMOTE_EVERY_MS, TimeUnit.MILLISECONDS);
        for (String consumer : consumers) {
            StatefulRedisConnection<String, byte[]> blocking = client.connect(RedisCodecs.STRING_BYTES);
            blocking.setTimeout(settings.pollTimeout().plusSeconds(5));
            connections.add(blocking);
            Thread thread = new Thread(() -> consume(consumer, blocking), queueName + "-" + consumer);
            threads.add(thread);
            thread.start();
        }
        log.info("Draining {} with {} consumers", queueName, consumers.size());
    }

    private void housekeep() {
        try {
            consumers.forEach(queue::heartbeat);
            // the first round also looks for processing lists nobody's heartbeat names (a keyspace scan)
            long requeued = swept ? queue.reap() : queue.sweep();
            swept = true;
            if (requeued > 0) {
                log.warn("Re-queued {} in-flight items of stopped consumers on {}", requeued, queueName);
            }
        } catch (RuntimeException e) {
            log.warn("Housekeeping of {} failed, will retry: {}", queueName, e.toString());
        }
    }

    private void promoteDue() {
        try {
            queue.promoteDue();
        } catch (RuntimeException e) {
            log.debug("Could not promote due retries of {}: {}", queueName, e.toString());
        }
    }

    private void consume(String consumer, StatefulRedisConnection<String, byte[]> blocking) {
        Backoff backoff = new Backoff();
        boolean brokenTurn = false;
        while (running) {
            try {
                if (brokenTurn) {
                    // the jobs of the turn that broke off would otherwise wait in this live consumer's
                    // processing list until the process stops
                    long back = queue.requeueInFlight(consumer);
                    if (back > 0) {
                        log.warn("Put {} jobs of {} back after a turn broke off", back, queueName);
                    }
                    brokenTurn = false;
                }
                List<Delivery> taken = ReliableQueue.take(
                        blocking.sync(), queueName, consumer, settings.pollTimeout(), settings.batchSize());
                if (!taken.isEmpty()) {
                    process(taken);
                }
                backoff.reset();
            } catch (RedisConnectionException | RedisCommandTimeoutException e) {
                brokenTurn = true;
                if (!running) {
                    break;
                }
                log.warn(
                        "Redis unavailable for {} ({}), retrying in {}",
                        queueName,
                        e.getClass().getSimpleName(),
                        backoff.next());
                backoff.pause();
            } catch (RuntimeException e) {
                brokenTurn = true;
                if (!running) {
                    break;
                }
                log.error("Unexpected failure while draining {}", queueName, e);
                backoff.pause();
            }
        }
    }

    private void process(List<Delivery> taken) {
        List<Delivery> work = new ArrayList<>(taken.size());
        for (Delivery delivery : taken) {
            if (delivery.attempts() >= settings.maxAttempts()) {
                // its consumers keep dying while working on it: stop the loop here
                String reason = "gave up after " + delivery.attempts() + " deliveries whose consumers stopped";
                queue.deadLetter(delivery, reason, delivery.attempts());
                log.error(
                        "Dead-lettered an item of {} after {} interrupted deliveries", queueName, delivery.attempts());
                tellGaveUp(delivery, reason);
            } else {
                work.add(delivery);
            }
        }
        if (work.isEmpty()) {
            return;
        }
        BatchOutcome outcome;
        try {
            outcome = handler.handleAll(work.stream().map(Delivery::item).toList());
        } catch (Exception e) {
            outcome = BatchOutcome.allFailed(work.size(), e);
        }
        if (outcome.size() != work.size()) {
            outcome = BatchOutcome.allFailed(
                    work.size(),
                    new IllegalStateException(
                            "the handler reported on " + outcome.size() + " items of " + work.size()));
        }
        List<Delivery> done = new ArrayList<>(work.size());
        for (int i = 0; i < work.size(); i++) {
            if (outcome.failure(i).isEmpty()) {
                done.add(work.get(i));
            }
        }
        queue.ack(done);
        for (int i = 0; i < work.size(); i++) {
            Delivery delivery = work.get(i);
            outcome.failure(i).ifPresent(error -> failed(delivery, error));
        }
    }

    private void failed(Delivery delivery, Exception error) {
        boolean dead = queue.fail(delivery, error);
        if (dead) {
            log.error("Dead-lettered an item of {}: {}", queueName, ReliableQueue.describe(error));
            tellGaveUp(delivery, ReliableQueue.describe(error));
        } else if (error instanceof RetryLater later) {
            log.info("Item of {} postponed by {}: {}", queueName, later.delay(), error.getMessage());
        } else {
            log.warn(
                    "Item of {} failed (attempt {}), retrying: {}",
                    queueName,
                    delivery.attempts() + 1,
                    ReliableQueue.describe(error));
        }
    }

    private void tellGaveUp(Delivery delivery, String reason) {
        try {
            handler.gaveUp(delivery.item(), reason);
        } catch (RuntimeException e) {
            log.warn("The handler of {} could not record a dead-lettered item: {}", queueName, e.toString());
        }
    }

    /** Stops taking new items, lets the current ones finish, and says goodbye to the reaper. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(settings.pollTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        housekeeping.shutdownNow();
        try {
            // a heartbeat still running could otherwise re-register a consumer retired below
            housekeeping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // saying goodbye is a courtesy (the reaper finds stopped consumers anyway): a Redis already
        // gone must not hold the process for a command timeout per consumer
        shared.setTimeout(RETIRE_TIMEOUT);
        for (String consumer : consumers) {
            try {
                queue.retire(consumer);
            } catch (RuntimeException e) {
                log.warn("Could not retire consumer {} of {}: {}", consumer, queueName, e.toString());
            }
        }
        connections.forEach(StatefulRedisConnection::close);
        shared.close();
        log.info("Stopped draining {}", queueName);
    }
}
