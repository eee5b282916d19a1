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

    private RedisAiKeys() {}

    /** The RedisAI model that serves one registry version: {@code model:{intent}:3:ai}. */
    public static String model(String analyzer, int version) {
        return RedisNames.aiModel(analyzer, version);
    }

    /** A pair of temporary tensor keys for one call, unique per call: {@code model:{intent}:tensor:<uuid>:in}. */
    static TensorKeys tensors(String analyzer) {
        String call = UUID.randomUUID().toString();
        return new TensorKeys(RedisNames.aiTensor(analyzer, call, "in"), RedisNames.aiTensor(analyzer, call, "out"));
    }

    /** The input and output tensor keys of one call. */
    record TensorKeys(String input, String output) {}
}
