package org.voluntree.gears.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voluntree.gears.engine.redisai.RedisAiEngine;
import org.voluntree.gears.engine.redisai.RedisAiException;
import org.voluntree.gears.engine.redisai.RedisModules;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;

/**
 * Chooses a gear's engine from its setting ({@code voluntree.gear.engine}): {@code tensorflow}
 * (the default, in-process), {@code redisai}, or {@code auto} (RedisAI when the Redis server has
 * the module, else TensorFlow). When RedisAI is asked for but missing, one WARN line says why and
 * the gear runs on the embedded engine instead: the pipeline keeps classifying.
 */
public final class EngineSelector {

    private static final Logger log = LoggerFactory.getLogger(EngineSelector.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /** The values {@code voluntree.gear.engine} accepts. */
    public enum Choice {
        TENSORFLOW,
        REDISAI,
        AUTO;

        public static Choice parse(String setting) {
            for (Choice choice : values()) {
                if (choice.name().equalsIgnoreCase(setting == null ? "" : setting.trim())) {
                    return choice;
                }
            }
            throw new IllegalArgumentException("unknown engine '" + setting + "'; expected one of "
                    + Arrays.stream(values())
                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                            .toList());
        }
    }

    private EngineSelector() {}

    /**
     * The engine a gear should use.
     *
     * @param setting {@code tensorflow}, {@code redisai} or {@code auto}
     * @param redisUrl the Redis server the gear reads from (RedisAI must be loaded in that one)
     * @param executeTimeout how long a RedisAI model run may wait in RedisAI's queue
     */
    public static InferenceEngine select(String setting, String redisUrl, Duration executeTimeout) {
        Choice choice = Choice.parse(setting);
        if (choice == Choice.TENSORFLOW) {
            return new TensorFlowEngine();
        }
        RedisModules.Probe probe = RedisModules.probe(redisUrl, PROBE_TIMEOUT);
        String missing = probe.whyMissing(RedisModules.REDISAI, "RedisAI");
        if (missing == null) {
            try {
                return RedisAiEngine.connect(redisUrl, executeTimeout);
            } catch (RedisAiException | IllegalArgumentException e) {
                missing = e.getMessage();
            }
        }
        log.warn(
                "The RedisAI engine is unavailable (voluntree.gear.engine={}): {}. The gear keeps running on the "
                        + "embedded {} engine.",
                choice.name().toLowerCase(Locale.ROOT),
                missing,
                TensorFlowEngine.NAME);
        return new TensorFlowEngine();
    }
}
