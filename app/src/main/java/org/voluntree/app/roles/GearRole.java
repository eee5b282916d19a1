package org.voluntree.app.roles;

import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.RedisClientConfiguration.ProcessName;
import org.voluntree.gears.Gear;
import org.voluntree.gears.engine.EngineSelector;
import org.voluntree.gears.engine.InferenceEngine;

/**
 * The gear role: one {@link Gear} on the configured engine ({@link EngineSelector}: the embedded
 * TensorFlow engine, or RedisAI in the same Redis, falling back to the embedded one with a
 * warning when the module is missing).
 */
@Component
@ConditionalOnRole(Role.GEAR)
class GearRole implements SmartLifecycle {

    private final RedisClient client;
    private final GearProperties properties;
    private final ProcessName processName;
    private final String redisUrl;
    private InferenceEngine engine;
    private Gear gear;

    GearRole(
            RedisClient client,
            GearProperties properties,
            ProcessName processName,
            @Value("${spring.data.redis.url}") String redisUrl) {
        this.client = client;
        this.properties = properties;
        this.processName = processName;
        this.redisUrl = redisUrl;
    }

    @Override
    public synchronized void start() {
        engine = EngineSelector.select(properties.engine(), redisUrl, properties.redisaiTimeout());
        gear = new Gear(
                client, engine, properties.settings("gear-" + processName.value()), properties.classifiedMaxLength());
        gear.start();
    }

    @Override
    public synchronized void stop() {
        if (gear != null) {
            gear.close();
            engine.close();
            gear = null;
        }
    }

    @Override
    public boolean isRunning() {
        return gear != null;
    }

    /** Starts after the models are bootstrapped, stops before the writer. */
    @Override
    public int getPhase() {
        return 10;
    }
}
