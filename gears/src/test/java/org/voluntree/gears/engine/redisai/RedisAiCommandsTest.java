package org.voluntree.gears.engine.redisai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.TensorSpec;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.text.FeaturiserConfig;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The keys and argument lists the engine sends; checked here because no RedisAI server runs in the tests. */
class RedisAiCommandsTest {

    private static final ModelManifest MANIFEST = new ModelManifest(
            "intent",
            3,
            "embedding-bag",
            List.of("a", "b"),
            new TensorSpec("ids", "INT32", List.of(-1L, 4L)),
            new TensorSpec("probs", "FLOAT", List.of(-1L, 2L)),
            new FeaturiserConfig(1, 16, 4, false, 0, 0, 1),
            Map.of(),
            List.of(),
            "abc123",
            Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void modelAndTensorKeysShareTheRegistryHashTagSoTheyLandInOneClusterSlot() {
        String model = RedisAiKeys.model("intent", 3);
        RedisAiKeys.TensorKeys first = RedisAiKeys.tensors("intent");
        RedisAiKeys.TensorKeys second = RedisAiKeys.tensors("intent");

        assertThat(model).isEqualTo("model:{intent}:3:ai");
        assertThat(first.input()).startsWith("model:{intent}:tensor:").endsWith(":in");
        assertThat(first.output()).startsWith("model:{intent}:tensor:").endsWith(":out");
        assertThat(first.input()).isNotEqualTo(second.input());
        int slot = JedisClusterCRC16.getSlot(RedisNames.modelVersion("intent", 3));
        assertThat(List.of(model, first.input(), first.output(), second.output(), RedisNames.activeModel("intent")))
                .allSatisfy(key -> assertThat(JedisClusterCRC16.getSlot(key)).isEqualTo(slot));
        assertThat(JedisClusterCRC16.getSlot(RedisAiKeys.model("sentiment", 3))).isNotEqualTo(slot);
    }

    @Test
    void modelStoreNamesTheTfBackendItsTagAndOneInputAndOneOutput() {
        byte[] graph = {1, 2, 3};

        byte[][] args = RedisAiArgs.modelStore("model:{intent}:3:ai", MANIFEST, graph);

        assertThat(text(Arrays.copyOf(args, args.length - 1)))
                .containsExactly(
                        "model:{intent}:3:ai",
                        "TF",
                        "CPU",
                        "TAG",
                        "abc123",
                        "INPUTS",
                        "1",
                        "ids",
                        "OUTPUTS",
                        "1",
                        "probs",
                        "BLOB");
        assertThat(args[args.length - 1]).isSameAs(graph);
    }

    @Test
    void tensorSetExecuteAndGetCarryShapeTimeoutAndMeta() {
        byte[] blob = TensorBlobs.int32Rows(new int[8], 2, 4);

        byte[][] set = RedisAiArgs.tensorSet("in", 2, 4, blob);

        assertThat(text(Arrays.copyOf(set, 5))).containsExactly("in", "INT32", "2", "4", "BLOB");
        assertThat(set[5]).isSameAs(blob);
        assertThat(text(RedisAiArgs.modelExecute("m", "in", "out", 2000)))
                .containsExactly("m", "INPUTS", "1", "in", "OUTPUTS", "1", "out", "TIMEOUT", "2000");
        assertThat(text(RedisAiArgs.tensorGet("out"))).containsExactly("out", "META", "BLOB");
    }

    @Test
    void readsTensorGetMetaBlobReplies() {
        byte[] blob = TensorBlobs.int32Rows(new int[] {7, 8}, 1, 2);
        List<Object> reply = List.of(utf8("dtype"), utf8("FLOAT"), utf8("shape"), List.of(1L, 2L), utf8("blob"), blob);

        RedisAiReplies.Tensor tensor = RedisAiReplies.tensor(reply);

        assertThat(tensor.dtype()).isEqualTo("FLOAT");
        assertThat(tensor.shape()).containsExactly(1L, 2L);
        assertThat(tensor.blob()).isSameAs(blob);
    }

    @Test
    void readsModuleListRepliesOfRedis6And7() {
        List<Object> redis7 = List.of(
                List.of(
                        utf8("name"),
                        utf8("ai"),
                        utf8("ver"),
                        10205L,
                        utf8("path"),
                        utf8("/usr/lib/redis/modules/redisai.so"),
                        utf8("args"),
                        List.of()),
                List.of(
                        utf8("name"),
                        utf8("rg"),
                        utf8("ver"),
                        10206L,
                        utf8("path"),
                        utf8("/opt/redisgears.so"),
                        utf8("args"),
                        List.of(utf8("Plugin"), utf8("/opt/gears_python.so"))));
        List<Object> redis6 = List.of(List.of(utf8("name"), utf8("ReJSON"), utf8("ver"), 20009L));

        RedisModules both = RedisModules.parse(redis7);
        RedisModules json = RedisModules.parse(redis6);

        assertThat(both.has(RedisModules.REDISAI)).isTrue();
        assertThat(both.has(RedisModules.REDISGEARS)).isTrue();
        assertThat(both.describe()).isEqualTo("ai 1.2.5, rg 1.2.6");
        assertThat(json.has(RedisModules.REDISAI)).isFalse();
        assertThat(RedisModules.parse(List.of()).describe()).isEqualTo("none");
    }

    @Test
    void redactsPasswordsFromUrls() {
        assertThat(RedisModules.redacted("redis://:s3cret@redis:6379/0")).isEqualTo("redis://***@redis:6379/0");
        assertThat(RedisModules.redacted("redis://user:s3cret@redis:6379")).isEqualTo("redis://***@redis:6379");
        assertThat(RedisModules.redacted("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> text(byte[][] args) {
        return Arrays.stream(args)
                .map(a -> new String(a, StandardCharsets.UTF_8))
                .toList();
    }
}
