package org.voluntree.gears.engine.redisai;

import java.time.Duration;
import java.util.List;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.gears.engine.LoadedModel;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A model stored in RedisAI. Each call writes its batch to a temporary tensor of its own, runs
 * the model into another, reads it back and deletes both, in one pipeline (one round trip; the
 * server runs the pipeline in order and holds the later commands while the model runs). The
 * input tensor also gets a short expiry, so a connection lost half-way leaves nothing behind.
 */
final class RedisAiModel implements LoadedModel {

    /** Longest a temporary tensor may outlive a call that lost its connection. */
    private static final long TENSOR_TTL_MILLIS = 60_000;

    private static final String TIMEDOUT = "TIMEDOUT";

    private final ModelManifest manifest;
    private final String key;
    private final JedisPool pool;
    private final long timeoutMillis;
    private final Runnable ensureEngineOpen;
    private final int width;
    private final int labels;
    private volatile boolean closed;

    RedisAiModel(ModelManifest manifest, String key, JedisPool pool, Duration timeout, Runnable ensureEngineOpen) {
        this.manifest = manifest;
        this.key = key;
        this.pool = pool;
        this.timeoutMillis = timeout.toMillis();
        this.ensureEngineOpen = ensureEngineOpen;
        this.width = manifest.featuriser().maxFeatures();
        this.labels = manifest.labels().size();
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public float[][] predict(int[] ids, int rows) {
        if (closed) {
            throw new IllegalStateException(manifest.analyzer() + " v" + manifest.version() + " is closed");
        }
        ensureEngineOpen.run();
        byte[] blob = TensorBlobs.int32Rows(ids, rows, width);
        RedisAiKeys.TensorKeys tensors = RedisAiKeys.tensors(manifest.analyzer());
        Response<Object> set;
        Response<Object> run;
        Response<Object> get;
        try (Jedis jedis = pool.getResource()) {
            Pipeline pipeline = jedis.pipelined();
            set = pipeline.sendCommand(
                    RedisAiCommand.TENSORSET, RedisAiArgs.tensorSet(tensors.input(), rows, width, blob));
            pipeline.pexpire(tensors.input(), TENSOR_TTL_MILLIS);
            run = pipeline.sendCommand(
                    RedisAiCommand.MODELEXECUTE,
                    RedisAiArgs.modelExecute(key, tensors.input(), tensors.output(), timeoutMillis));
            get = pipeline.sendCommand(RedisAiCommand.TENSORGET, RedisAiArgs.tensorGet(tensors.output()));
            pipeline.del(tensors.input(), tensors.output());
            pipeline.sync();
        }
        reply(set, "AI.TENSORSET");
        Object ran = reply(run, "AI.MODELEXECUTE");
        if (TIMEDOUT.equals(RedisAiReplies.text(ran))) {
            throw RedisAiException.timedOut(key, timeoutMillis);
        }
        RedisAiReplies.Tensor output = RedisAiReplies.tensor(reply(get, "AI.TENSORGET"));
        if (!"FLOAT".equalsIgnoreCase(output.dtype()) || !output.shape().equals(List.of((long) rows, (long) labels))) {
            throw RedisAiException.unexpected(
                    key,
                    "returned a " + output.dtype() + " tensor of shape " + output.shape()
                            + " but its manifest promises FLOAT [" + rows + ", " + labels + "]");
        }
        return TensorBlobs.float32Rows(output.blob(), rows, labels);
    }

    private Object reply(Response<Object> response, String step) {
        try {
            return response.get();
        } catch (JedisDataException e) {
            throw RedisAiException.failed(key, step, e);
        }
    }

    /** Forgets the handle; the stored model stays for other gears (RedisAI models are shared by key). */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "RedisAiModel[" + key + "]";
    }
}
