package org.voluntree.modeltools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.modeltools.ExitCodes;

/** {@code dead list} and {@code dead replay} against a real Redis, on letters written by contracts' DeadLetters. */
class DeadCommandsIT {

    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;
    private DeadLetters dead;
    private String listLetter;
    private String streamLetter;
    private Map<String, byte[]> streamFields;

    @BeforeEach
    void seedTwoDeadLetters() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        redis = connection.sync();
        dead = new DeadLetters(redis);
        listLetter = dead.addListItem(
                RedisNames.PREPROCESS_QUEUE, utf8("{\"id\":\"c:1:add\"}"), "PermanentFailure: not an event", 5);
        streamFields = new LinkedHashMap<>();
        streamFields.put("event", utf8("{\"id\":\"c:2:add\"}"));
        streamFields.put("v:intent", utf8("9"));
        streamFields.put("f:intent", new byte[] {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0});
        streamLetter = dead.addStreamEntry(
                RedisNames.COMMENTS_STREAM, streamFields, "model intent v9 is not in the registry", 1);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void listShowsSourceTypeErrorAndAttemptsOldestFirst() {
        CommandRun run = CommandRun.of("dead", "list", "--redis", TestRedis.uri());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("s:dead holds 2 entries (showing 2)");
        List<String> lines = run.out()
                .lines()
                .filter(l -> l.startsWith(listLetter) || l.startsWith(streamLetter))
                .toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith(listLetter)
                .contains("list", "q:preprocess", "attempts 5", "error: PermanentFailure: not an event");
        assertThat(lines.get(1))
                .startsWith(streamLetter)
                .contains("stream", "s:comments", "attempts 1", "error: model intent v9 is not in the registry");
    }

    @Test
    void listHonoursTheLimitAndSaysHowToSeeMore() {
        CommandRun run = CommandRun.of("dead", "list", "--limit", "1", "--redis", TestRedis.uri());

        assertThat(run.out())
                .contains("(showing 1)", listLetter, "next: model-tools dead list --limit 2")
                .doesNotContain(streamLetter);
    }

    @Test
    void replayOfOneIdPutsAListItemBackOnItsQueueAndRemovesOnlyThatLetter() {
        CommandRun run = CommandRun.of("dead", "replay", listLetter, "--redis", TestRedis.uri());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed " + listLetter + " to q:preprocess (list)");
        assertThat(redis.lrange(RedisNames.PREPROCESS_QUEUE, 0, -1))
                .singleElement()
                .satisfies(item ->
                        assertThat(new String(item, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"c:1:add\"}"));
        assertThat(dead.list(10)).extracting(l -> l.id()).containsExactly(streamLetter);
    }

    @Test
    void replayAllPutsStreamEntriesBackWithTheirFieldsAndEmptiesTheDeadStream() {
        CommandRun run = CommandRun.of("dead", "replay", "--all", "--redis", TestRedis.uri());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed 2 entries", "to s:comments (stream)");
        List<StreamMessage<String, byte[]>> comments = redis.xrange(RedisNames.COMMENTS_STREAM, Range.create("-", "+"));
        assertThat(comments).singleElement().satisfies(entry -> {
            assertThat(entry.getBody()).containsOnlyKeys("event", "v:intent", "f:intent");
            assertThat(entry.getBody().get("f:intent")).isEqualTo(streamFields.get("f:intent"));
            assertThat(entry.getBody().get("v:intent")).isEqualTo(utf8("9"));
        });
        assertThat(redis.llen(RedisNames.PREPROCESS_QUEUE)).isEqualTo(1);
        assertThat(dead.size()).isZero();
        assertThat(CommandRun.of("dead", "list", "--redis", TestRedis.uri()).out())
                .contains("s:dead is empty");
    }

    @Test
    void replayOfAnUnknownIdChangesNothingAndSaysSo() {
        CommandRun run = CommandRun.of("dead", "replay", "1-999", "--redis", TestRedis.uri());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("error: s:dead has no entry 1-999", "next: model-tools dead list");
        assertThat(dead.size()).isEqualTo(2);
    }

    @Test
    void replayNeedsExactlyOneOfIdOrAll() {
        assertThat(CommandRun.of("dead", "replay", "--redis", TestRedis.uri()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CommandRun.of("dead", "replay", listLetter, "--all", "--redis", TestRedis.uri())
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(dead.size()).isEqualTo(2);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
