package org.voluntree.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

/**
 * The cap on PIN emails a person is sent (three an hour by default) slides, against a real Redis: at most that
 * many in any hour, whenever they were asked for, and someone capped is told how long until the next one.
 */
class PinEmailWindowIT {

    private static final String PAGE = "100000000000051";
    private static final String PERSON = "9001";
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    StatefulRedisConnection<String, byte[]> redis;
    DialogStore dialogs;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        redis = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        dialogs = new DialogStore(
                redis,
                new ConversationProperties(
                        Duration.ofHours(1),
                        Duration.ofHours(12),
                        Duration.ofMinutes(15),
                        3,
                        3,
                        HOUR,
                        ZoneId.of("UTC"),
                        Duration.ofHours(24),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(5)));
    }

    @AfterEach
    void tearDown() {
        redis.close();
    }

    @Test
    void noMoreThanThreeCodesInAnyHour() {
        assertThat(count(0)).isEmpty();
        assertThat(count(10)).isEmpty();
        assertThat(count(50)).isEmpty();

        assertThat(count(55)).as("the fourth within the hour").contains(Duration.ofMinutes(5));
        assertThat(dialogs.nextPinEmailIn(PAGE, PERSON, 3, HOUR, at(55))).isEqualTo(Duration.ofMinutes(5));

        // the first has left the hour: one more, not three
        assertThat(dialogs.nextPinEmailIn(PAGE, PERSON, 3, HOUR, at(60))).isZero();
        assertThat(count(61)).isEmpty();
        assertThat(count(62)).as("10:10 and 10:50 are still in the hour").contains(Duration.ofMinutes(8));
        assertThat(count(70)).isEmpty();
        assertThat(count(71)).contains(Duration.ofMinutes(39));
    }

    @Test
    void aRefusedRequestIsNotCounted() {
        count(0);
        count(1);
        count(2);
        for (int minute = 3; minute < 60; minute += 7) {
            assertThat(count(minute)).isPresent();
        }

        assertThat(count(60)).as("the refusals did not move the window").isEmpty();
    }

    @Test
    void aRequestHandledAgainIsCountedOnceEvenAtTheCap() {
        count(0);
        count(10);
        assertThat(dialogs.countPinEmail(PAGE, PERSON, 3, HOUR, at(20), "pin:m_20"))
                .isEmpty();

        assertThat(dialogs.countPinEmail(PAGE, PERSON, 3, HOUR, at(21), "pin:m_20"))
                .as("the third request again: counted already, so not refused")
                .isEmpty();
        assertThat(count(22)).as("a fourth request").contains(Duration.ofMinutes(38));
    }

    @Test
    void aCountKeptTheOldWayIsDroppedRatherThanRefusedOn() {
        // before the window slid, the count was a plain counter with an expiry
        redis.sync().set(RedisNames.conversation("pin-emails", PAGE, PERSON), "3".getBytes(StandardCharsets.US_ASCII));

        assertThat(dialogs.nextPinEmailIn(PAGE, PERSON, 3, HOUR, at(0))).isZero();
        assertThat(count(0)).isEmpty();
        assertThat(count(1)).isEmpty();
        assertThat(count(2)).isEmpty();
        assertThat(count(3)).isPresent();
    }

    private Optional<Duration> count(int minute) {
        return dialogs.countPinEmail(PAGE, PERSON, 3, HOUR, at(minute), "pin:m_" + minute);
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}
