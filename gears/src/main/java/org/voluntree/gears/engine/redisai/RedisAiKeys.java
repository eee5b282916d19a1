package org.voluntree.gears.engine.redisai;

import java.util.UUID;
import org.voluntree.contracts.redis.RedisNames;

/**
 * Keys of what the RedisAI engine keeps in Redis. Each is derived from
 * {@link RedisNames#modelVersion} and keeps its {@code {analyzer}} hash tag, so a model, its
 * registry entry and the tensors of a call live in one Redis Cluster slot (AI.MODELEXECUTE
 * needs its model and tensors on one shard). The RedisGears script spells the model key the
 * same way ({@code model_key} in {@code voluntree_gear.py}).
 */
public final class RedisAiKeys {

    /** Suffix of the RedisAI model key beside the registry hash: {@code model:{intent}:3:ai}. */
    public static final String MODEL_SUFFIX = ":ai";

    private RedisAiKeys() {
    }

    /** The RedisAI model that serves one registry version: {@code model:{intent}:3:ai}. */
    public static String model(String analyzer, int version) {
        return RedisNames.modelVersion(analyzer, version) + MODEL_SUFFIX;
    }

    /** A pair of temporary tensor keys for one call, unique per call: {@code model:{intent}:tensor:<uuid>:in}. */
    static TensorKeys tensors(String analyzer) {
        String base = hashTagPrefix(analyzer) + ":tensor:" + UUID.randomUUID();
        return new TensorKeys(base + ":in", base + ":out");
    }

    /** {@code model:{intent}}: the registry key up to and including its hash tag. */
    static String hashTagPrefix(String analyzer) {
        String versionKey = RedisNames.modelVersion(analyzer, 0);
        return versionKey.substring(0, versionKey.indexOf('}') + 1);
    }

    /** The input and output tensor keys of one call. */
    record TensorKeys(String input, String output) {
    }
}
