package org.voluntree.contracts.dead;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

class DeadLettersIT {

    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;
    private DeadLetters deadLetters;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
        deadLetters = new DeadLetters(redis);
    }

    @AfterEach
    void tearDown() {
        connection.close();
    }

    @Test
    void recordsAListItemWithItsErrorAndReplaysItOntoItsQueue() {
        Instant before = Instant.now();
        String id = deadLetters.addListItem("q:reply", "job-1".getBytes(UTF_8), "GraphApiException: 400", 5);

        List<DeadLetter> letters = deadLetters.list(10);
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.id()).isEqualTo(id);
        assertThat(letter.source()).isEqualTo("q:reply");
        assertThat(letter.sourceType()).isEqualTo(DeadLetters.LIST);
        assertThat(letter.error()).isEqualTo("GraphApiException: 400");
        assertThat(letter.attempts()).isEqualTo(5);
        assertThat(letter.failedAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(letter.payload()).isEqualTo("job-1".getBytes(UTF_8));
        assertThat(letter.fields()).isEmpty();

        redis.lpush("q:reply", "job-2".getBytes(UTF_8));
        deadLetters.replay(letter);

        assertThat(deadLetters.size()).isZero();
        assertThat(redis.lrange("q:reply", 0, -1))
                .extracting(b -> new String(b, UTF_8))
                .containsExactly("job-1", "job-2");
    }

    @Test
    void recordsAStreamEntryAndReplaysTheSameFieldsOntoItsStream() {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("event", "{\"key\":\"k\"}".getBytes(UTF_8));
        fields.put("f:intent", new byte[] {1, 2, 3, 4, 5});
        String id = deadLetters.addStreamEntry(RedisNames.COMMENTS_STREAM, fields, "malformed entry", 1);

        DeadLetter letter = deadLetters.get(id).orElseThrow();
        assertThat(letter.source()).isEqualTo(RedisNames.COMMENTS_STREAM);
        assertThat(letter.sourceType()).isEqualTo(DeadLetters.STREAM);
        assertThat(letter.error()).isEqualTo("malformed entry");
        assertThat(letter.payload()).isNull();
        assertThat(letter.fields()).containsOnlyKeys("event", "f:intent");
        assertThat(letter.fields().get("f:intent")).containsExactly(1, 2, 3, 4, 5);

        deadLetters.replay(letter);

        assertThat(deadLetters.size()).isZero();
        assertThat(deadLetters.get(id)).isEmpty();
        List<StreamMessage<String, byte[]>> replayed = redis.xrange(RedisNames.COMMENTS_STREAM, Range.create("-", "+"));
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).getBody()).containsOnlyKeys("event", "f:intent");
        assertThat(replayed.get(0).getBody().get("event")).isEqualTo(fields.get("event"));
        assertThat(replayed.get(0).getBody().get("f:intent")).isEqualTo(fields.get("f:intent"));
    }

    @Test
    void listsOldestFirstUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            deadLetters.addListItem("q:email", ("mail-" + i).getBytes(UTF_8), "error " + i, 1);
        }

        assertThat(deadLetters.size()).isEqualTo(5);
        assertThat(deadLetters.list(3)).extracting(DeadLetter::error).containsExactly("error 0", "error 1", "error 2");
    }

    @Test
    void aMissingErrorIsRecordedAsUnknown() {
        deadLetters.addListItem("q:email", "x".getBytes(UTF_8), null, 1);

        assertThat(deadLetters.list(1).get(0).error()).isEqualTo("unknown error");
    }
}
