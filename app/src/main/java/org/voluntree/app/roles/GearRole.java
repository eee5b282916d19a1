package org.voluntree.app.roles;

import io.lettuce.core.RedisClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.voluntree.app.roles.RedisClientConfiguration.ProcessName;
import org.voluntree.gears.Gear;
import org.voluntree.gears.engine.InferenceEngine;
import org.voluntree.gears.engine.tensorflow.TensorFlowEngine;

/** The gear role: one {@link Gear} on the configured engine. */
@Component
@ConditionalOnRole(Role.GEAR)
class GearRole implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GearRole.class);

    private final RedisClient client;
    private final GearProperties properties;
    private final ProcessName processName;
    private InferenceEngine engine;
    private Gear gear;

    GearRole(RedisClient client, GearProperties properties, ProcessName processName) {
        this.client = client;
        this.properties = properties;
        this.processName = processName;
    }

    @Override
    public synchronized void start() {
        engine = createEngine(properties.engine());
        gear = new Gear(client, engine, properties.settings("gear-" + processName.value()),
                properties.classifiedMaxLength());
        gear.start();
    }

    private static InferenceEngine createEngine(String name) {
        if (TensorFlowEngine.NAME.equals(name)) {
            return new TensorFlowEngine();
        }
        log.warn("Engine '{}' is not available in this build; using the embedded {} engine", name,
                TensorFlowEngine.NAME);
        return new TensorFlowEngine();
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
