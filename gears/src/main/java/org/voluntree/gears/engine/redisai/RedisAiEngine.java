package org.voluntree.gears.engine.redisai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.model.ModelArtifact;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.TensorSpec;
import org.voluntree.gears.engine.InferenceEngine;
import org.voluntree.gears.engine.LoadedModel;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Runs frozen models inside Redis with the RedisAI module (1.2.x, TensorFlow backend), over
 * Jedis. {@link #load} stores the graph once per version with
 * {@code AI.MODELSTORE <key> TF CPU TAG <sha256> INPUTS 1 <in> OUTPUTS 1 <out> BLOB <graph>}
 * (skipped when the key already holds a model tagged with the same SHA-256, so any number of
 * gears share one copy); each {@code predict} pipelines {@code AI.TENSORSET},
 * {@code AI.MODELEXECUTE}, {@code AI.TENSORGET} and {@code DEL} of its own temporary tensors.
 *
 * <p>Thread-safety: connections come from a pool, so loading and predicting may happen on
 * several threads at once.
 */
public final class RedisAiEngine implements InferenceEngine {

    public static final String NAME = "redisai";

    private static final Logger log = LoggerFactory.getLogger(RedisAiEngine.class);
    /** Extra socket time beyond RedisAI's own queue timeout, so RedisAI's TIMEDOUT reply arrives first. */
    private static final Duration SOCKET_MARGIN = Duration.ofSeconds(5);

    private final JedisPool pool;
    private final String redis;
    private final Duration executeTimeout;
    private volatile boolean closed;

    private RedisAiEngine(JedisPool pool, String redis, Duration executeTimeout) {
        this.pool = pool;
        this.redis = redis;
        this.executeTimeout = executeTimeout;
    }

    /**
     * Connects to a Redis that has RedisAI.
     *
     * @param redisUrl {@code redis://[user:password@]host[:port][/db]}
     * @param executeTimeout how long a model run may wait in RedisAI's queue ({@code AI.MODELEXECUTE ... TIMEOUT})
     * @throws RedisAiException when the server cannot be reached or has no RedisAI module
     */
    public static RedisAiEngine connect(String redisUrl, Duration executeTimeout) {
        RedisModules.Probe probe = RedisModules.probe(redisUrl, Duration.ofSeconds(5));
        String missing = probe.whyMissing(RedisModules.REDISAI, "RedisAI");
        if (missing != null) {
            throw RedisAiException.unavailable(missing);
        }
        JedisSettings settings = JedisSettings.of(redisUrl, executeTimeout.plus(SOCKET_MARGIN));
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(16);
        poolConfig.setJmxEnabled(false);
        RedisAiEngine engine = new RedisAiEngine(
                new JedisPool(poolConfig, settings.address(), settings.config()), probe.redis(), executeTimeout);
        log.info(
                "RedisAI engine on {} (modules: {})",
                probe.redis(),
                probe.modules().describe());
        return engine;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Stores the graph in RedisAI unless the same graph is already there, and returns a handle to it. */
    @Override
    public LoadedModel load(ModelArtifact artifact) {
        ensureOpen();
        ModelManifest manifest = artifact.manifest();
        checkSignature(manifest);
        String key = RedisAiKeys.model(manifest.analyzer(), manifest.version());
        String sha = manifest.graphSha256();
        try (Jedis jedis = pool.getResource()) {
            String stored = storedTag(jedis, key);
            if (sha.equals(stored)) {
                log.debug("{} already holds {} v{} (sha256 {})", key, manifest.analyzer(), manifest.version(), sha);
            } else {
                jedis.sendCommand(RedisAiCommand.MODELSTORE, RedisAiArgs.modelStore(key, manifest, artifact.graph()));
                log.info(
                        "Stored {} v{} in RedisAI as {} ({} bytes, sha256 {})",
                        manifest.analyzer(),
                        manifest.version(),
                        key,
                        artifact.graph().length,
                        sha);
            }
        } catch (JedisDataException e) {
            throw RedisAiException.failed(key, "AI.MODELSTORE", e);
        }
        return new RedisAiModel(manifest, key, pool, executeTimeout, this::ensureOpen);
    }

    /** The TAG of the model stored at {@code key} (our graphs' SHA-256), or null when there is none. */
    private static String storedTag(Jedis jedis, String key) {
        if (!jedis.exists(key.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        try {
            Map<String, Object> meta = RedisAiReplies.pairs(jedis.sendCommand(RedisAiCommand.MODELGET, key, "META"));
            return RedisAiReplies.text(meta.get("tag"));
        } catch (JedisDataException e) {
            throw new IllegalStateException(key + " exists but is not a RedisAI model (" + e.getMessage()
                    + "); delete it, it is reserved for the RedisAI engine");
        }
    }

    /** The graph must take one INT32 [-1, L] input and give one FLOAT [-1, labels] output (what RedisAI is told). */
    private static void checkSignature(ModelManifest manifest) {
        String model = manifest.analyzer() + " v" + manifest.version();
        expect(model, "input", manifest.input(), "INT32");
        expect(model, "output", manifest.output(), "FLOAT");
    }

    private static void expect(String model, String role, TensorSpec spec, String dtype) {
        if (spec == null
                || !dtype.equalsIgnoreCase(spec.dtype())
                || spec.shape().size() != 2) {
            throw new IllegalArgumentException(
                    model + " " + role + " must be a 2-D " + dtype + " tensor for RedisAI, its manifest says " + spec);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the RedisAI engine on " + redis + " is closed");
        }
    }

    /** Closes the connections. Models stay stored in Redis for other gears (and for the next start). */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
