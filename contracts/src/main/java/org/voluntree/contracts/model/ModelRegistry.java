package org.voluntree.contracts.model;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;

/**
 * The versions of every analyzer's model, kept in Redis: a hash per version (manifest and
 * frozen graph), the active version, and the history of earlier active versions for rollback.
 * Activation and rollback are announced on {@code models:changed} so that running gears and
 * workers switch without a restart.
 */
public final class ModelRegistry {

    private static final String MANIFEST = "manifest";
    private static final String GRAPH = "graph";

    /** KEYS: version hash, active, history, ever active. ARGV: version, analyzer. Returns the previous version or -1. */
    private static final String ACTIVATE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -2 end
            redis.call('SADD', KEYS[4], ARGV[1])
            local previous = redis.call('GET', KEYS[2])
            if previous == ARGV[1] then return tonumber(previous) end
            if previous then redis.call('LPUSH', KEYS[3], previous) end
            redis.call('SET', KEYS[2], ARGV[1])
            if previous then return tonumber(previous) end
            return -1
            """;

    /** KEYS: active, history, ever active. Returns the version made active again, or -1 when there is none. */
    private static final String ROLLBACK = """
            local previous = redis.call('LPOP', KEYS[2])
            if not previous then return -1 end
            local current = redis.call('GET', KEYS[1])
            if current then redis.call('SADD', KEYS[3], current) end
            redis.call('SADD', KEYS[3], previous)
            redis.call('SET', KEYS[1], previous)
            return tonumber(previous)
            """;

    /**
     * KEYS: version hash, versions, active, history, ever active, RedisAI model. ARGV: version.
     * Returns 1 when deleted, -2 when not stored, -3 when active, -4 when it has been active.
     */
    private static final String DELETE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return -2 end
            if redis.call('GET', KEYS[3]) == ARGV[1] then return -3 end
            if redis.call('SISMEMBER', KEYS[5], ARGV[1]) == 1 then return -4 end
            for _, earlier in ipairs(redis.call('LRANGE', KEYS[4], 0, -1)) do
                if earlier == ARGV[1] then return -4 end
            end
            redis.call('DEL', KEYS[1], KEYS[6])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1
            """;

    private final RedisCommands<String, byte[]> redis;

    public ModelRegistry(RedisCommands<String, byte[]> redis) {
        this.redis = redis;
    }

    /** Stores an artifact as the analyzer's next version (not yet active) and returns that version. */
    public int store(ModelArtifact artifact) {
        String analyzer = artifact.manifest().analyzer();
        int version = Math.toIntExact(redis.incr(sequenceKey(analyzer)));
        ModelManifest manifest = artifact.manifest().withVersion(version);
        redis.hset(
                RedisNames.modelVersion(analyzer, version),
                Map.of(
                        MANIFEST, Json.write(manifest),
                        GRAPH, artifact.graph()));
        redis.zadd(RedisNames.modelVersions(analyzer), version, utf8(Integer.toString(version)));
        redis.sadd(RedisNames.ANALYZERS, utf8(analyzer));
        return version;
    }

    /** Makes a stored version the active one and announces it. Returns the previously active version, if any. */
    public Optional<Integer> activate(String analyzer, int version) {
        Long previous = redis.eval(
                ACTIVATE,
                ScriptOutputType.INTEGER,
                new String[] {
                    RedisNames.modelVersion(analyzer, version),
                    RedisNames.activeModel(analyzer),
                    RedisNames.modelHistory(analyzer),
                    RedisNames.modelsEverActive(analyzer)
                },
                utf8(Integer.toString(version)),
                utf8(analyzer));
        if (previous == -2) {
            throw ModelNotFoundException.forVersion(analyzer, version);
        }
        announce(analyzer, version);
        return previous < 0 ? Optional.empty() : Optional.of(previous.intValue());
    }

    /** Re-activates the version that was active before the current one. */
    public int rollback(String analyzer) {
        Long restored = redis.eval(ROLLBACK, ScriptOutputType.INTEGER, new String[] {
            RedisNames.activeModel(analyzer), RedisNames.modelHistory(analyzer), RedisNames.modelsEverActive(analyzer)
        });
        if (restored < 0) {
            throw ModelNotFoundException.noHistory(analyzer);
        }
        announce(analyzer, restored.intValue());
        return restored.intValue();
    }

    /**
     * Deletes a stored version that has never been active (a training run nobody put to work).
     * Versions that have been active are kept: messages featurised for them may still be waiting in
     * the streams, and would be dead-lettered without their model.
     *
     * @throws ModelNotFoundException when the version is not stored
     * @throws ModelInUseException when it is active or has been
     */
    public void delete(String analyzer, int version) {
        Long result = redis.eval(
                DELETE,
                ScriptOutputType.INTEGER,
                new String[] {
                    RedisNames.modelVersion(analyzer, version),
                    RedisNames.modelVersions(analyzer),
                    RedisNames.activeModel(analyzer),
                    RedisNames.modelHistory(analyzer),
                    RedisNames.modelsEverActive(analyzer),
                    RedisNames.aiModel(analyzer, version)
                },
                utf8(Integer.toString(version)));
        if (result == -2) {
            throw ModelNotFoundException.forVersion(analyzer, version);
        }
        if (result == -3) {
            throw ModelInUseException.active(analyzer, version);
        }
        if (result == -4) {
            throw ModelInUseException.beenActive(analyzer, version);
        }
    }

    /**
     * The versions that are or have been active, which {@link #delete} keeps (the ever-active set, and
     * for registries older than it, the active version and the rollback history).
     */
    public Set<Integer> everActive(String analyzer) {
        Set<Integer> versions = new TreeSet<>();
        redis.smembers(RedisNames.modelsEverActive(analyzer)).forEach(member -> versions.add(version(member)));
        redis.lrange(RedisNames.modelHistory(analyzer), 0, -1).forEach(member -> versions.add(version(member)));
        activeVersion(analyzer).ifPresent(versions::add);
        return versions;
    }

    public Optional<Integer> activeVersion(String analyzer) {
        byte[] value = redis.get(RedisNames.activeModel(analyzer));
        return value == null ? Optional.empty() : Optional.of(version(value));
    }

    /** The version that {@link #rollback} would make active again, if there is one. */
    public Optional<Integer> rollbackTarget(String analyzer) {
        byte[] value = redis.lindex(RedisNames.modelHistory(analyzer), 0);
        return value == null ? Optional.empty() : Optional.of(version(value));
    }

    public ModelManifest manifest(String analyzer, int version) {
        byte[] json = redis.hget(RedisNames.modelVersion(analyzer, version), MANIFEST);
        if (json == null) {
            throw ModelNotFoundException.forVersion(analyzer, version);
        }
        return Json.read(json, ModelManifest.class);
    }

    public ModelArtifact artifact(String analyzer, int version) {
        Map<String, byte[]> fields = redis.hgetall(RedisNames.modelVersion(analyzer, version));
        if (fields.get(MANIFEST) == null || fields.get(GRAPH) == null) {
            throw ModelNotFoundException.forVersion(analyzer, version);
        }
        return new ModelArtifact(Json.read(fields.get(MANIFEST), ModelManifest.class), fields.get(GRAPH));
    }

    /** Every stored version of an analyzer, oldest first. */
    public List<Integer> versions(String analyzer) {
        List<Integer> versions = new ArrayList<>();
        for (byte[] member : redis.zrange(RedisNames.modelVersions(analyzer), 0, -1)) {
            versions.add(version(member));
        }
        return versions;
    }

    /** Every analyzer that has at least one stored version, sorted by name. */
    public List<String> analyzers() {
        TreeSet<String> names = new TreeSet<>();
        for (byte[] member : redis.smembers(RedisNames.ANALYZERS)) {
            names.add(new String(member, StandardCharsets.UTF_8));
        }
        return List.copyOf(names);
    }

    /** Analyzers with an active version, mapped to that version. */
    public Map<String, Integer> activeVersions() {
        Map<String, Integer> active = new TreeMap<>();
        for (String analyzer : analyzers()) {
            activeVersion(analyzer).ifPresent(v -> active.put(analyzer, v));
        }
        return active;
    }

    private void announce(String analyzer, int version) {
        redis.publish(RedisNames.MODELS_CHANGED_CHANNEL, utf8(analyzer + ":" + version));
    }

    private static String sequenceKey(String analyzer) {
        return RedisNames.modelSequence(analyzer);
    }

    /** A version number as the registry stores it: decimal text. */
    private static int version(byte[] stored) {
        return Integer.parseInt(new String(stored, StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
