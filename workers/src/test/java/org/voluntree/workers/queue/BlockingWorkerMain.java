package org.voluntree.workers.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The child process of {@link KilledWorkerIT}: drains a queue with a handler that records the item
 * it took under a key and then hangs, so the item is in flight when the test kills this JVM.
 *
 * <p>Arguments: Redis URI, queue name, the key to SET to the taken item, and optionally how many
 * waiting items it takes a turn (1 when left out).
 */
public final class BlockingWorkerMain {

    private BlockingWorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        String uri = args[0];
        String queue = args[1];
        String takenKey = args[2];
        RedisClient client = RedisClient.create(uri);
        StatefulRedisConnection<String, String> signals = client.connect();
        JobHandler hangs = item -> {
            signals.sync().set(takenKey, new String(item, StandardCharsets.UTF_8));
            new CountDownLatch(1).await();
        };
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        QueueSettings settings = new QueueSettings(
                        1, 3, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2))
                .withBatchSize(batch);
        new QueueWorker(client, queue, hangs, settings).start();
        new CountDownLatch(1).await();
    }
}
