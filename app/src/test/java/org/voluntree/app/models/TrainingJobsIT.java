package org.voluntree.app.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * One training job per analyzer at a time, against a real Redis: a second request is refused while
 * the first is queued or running, and a worker that dies never blocks training for longer than its
 * lease (short here, so that the test does not wait long).
 */
class TrainingJobsIT {

    static final TrainingJobs.Leases SHORT =
            new TrainingJobs.Leases(Duration.ofMinutes(5), Duration.ofMillis(600), Duration.ofMillis(100));

    StatefulRedisConnection<String, byte[]> redis;
    TrainingJobs jobs;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        redis = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        jobs = new TrainingJobs(redis, SHORT, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        redis.close();
    }

    @Test
    void aSecondJobForTheSameAnalyzerIsRefusedWhileTheFirstIsQueuedAndNothingIsQueued() {
        String first = jobs.submit("offense", "owner@example.org", 1);

        assertThatThrownBy(() -> jobs.submit("offense", "admin@example.org", 1))
                .isInstanceOfSatisfying(
                        TrainingJobPendingException.class,
                        e -> assertThat(e.pendingId()).isEqualTo(first))
                .hasMessageContaining("already queued");
        assertThat(redis.sync().llen(RedisNames.TRAIN_QUEUE)).isEqualTo(1);
        assertThat(jobs.recent("offense")).extracting(job -> job.get("id")).containsExactly(first);

        String other = jobs.submit("sentiment", "owner@example.org", 1);
        assertThat(other).as("another analyzer trains independently").isNotEqualTo(first);
        assertThat(redis.sync().llen(RedisNames.TRAIN_QUEUE)).isEqualTo(2);
    }

    @Test
    void whileAWorkerRunsTheJobAndKeepsBeatingTheAnalyzerStaysTaken() {
        String first = jobs.submit("intent", "owner@example.org", 1);
        jobs.started(first, "intent");

        for (int beat = 0; beat < 12; beat++) {
            jobs.heartbeat(first, "intent");
            assertThatThrownBy(() -> jobs.submit("intent", "owner@example.org", 1))
                    .isInstanceOf(TrainingJobPendingException.class)
                    .hasMessageContaining("already running");
            assertThat(jobs.status(first))
                    .get()
                    .extracting(job -> job.get("status"))
                    .isEqualTo("running");
            sleep(SHORT.heartbeatEvery());
        }

        jobs.finished(first, "intent");
        String next = jobs.submit("intent", "owner@example.org", 1);
        assertThat(next).isNotEqualTo(first);
    }

    @Test
    void aWorkerThatStopsAnsweringShowsAsInterruptedAndReleasesTheAnalyzer() {
        String first = jobs.submit("offense", "owner@example.org", 1);
        jobs.started(first, "offense");

        // no heartbeat from here on: the worker's process died
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.status(first).orElseThrow().get("status").equals("interrupted"));
        Map<String, String> interrupted = jobs.status(first).orElseThrow();
        assertThat(interrupted.get("error")).contains("stopped answering", "train again");

        String next = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .ignoreException(TrainingJobPendingException.class)
                .until(() -> jobs.submit("offense", "owner@example.org", 1), id -> id != null);

        // the first job's worker comes back and ends: it must not release the new job's hold
        jobs.finished(first, "offense");
        assertThatThrownBy(() -> jobs.submit("offense", "owner@example.org", 1))
                .isInstanceOfSatisfying(
                        TrainingJobPendingException.class,
                        e -> assertThat(e.pendingId()).isEqualTo(next));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
