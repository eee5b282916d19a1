package org.voluntree.gears.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.gears.engine.redisai.RedisAiEngine;
import org.voluntree.gears.engine.redisai.RedisAiException;
import org.voluntree.gears.engine.redisai.RedisModules;

/**
 * Engine choice against a real Redis 7 without modules (the only kind this machine has): asking for RedisAI
 * falls back to the embedded engine with one clear warning.
 */
class EngineSelectorIT {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger selectorLog = (Logger) LoggerFactory.getLogger(EngineSelector.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        selectorLog.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        selectorLog.detachAppender(logs);
    }

    @Test
    void redisaiWithoutTheModuleWarnsOnceWhyAndRunsOnTensorFlow() {
        try (InferenceEngine engine = EngineSelector.select("redisai", TestRedis.uri(), Duration.ofSeconds(2))) {
            assertThat(engine.name()).isEqualTo("tensorflow");
        }

        List<ILoggingEvent> warnings =
                logs.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage())
                .contains(
                        "The RedisAI engine is unavailable (voluntree.gear.engine=redisai)",
                        "shows no 'ai' module (RedisAI)",
                        "modules loaded: none",
                        "keeps running on the embedded tensorflow engine");
    }

    @Test
    void autoWithoutTheModuleAlsoFallsBackWithTheSameWarning() {
        try (InferenceEngine engine = EngineSelector.select("AUTO", TestRedis.uri(), Duration.ofSeconds(2))) {
            assertThat(engine.name()).isEqualTo("tensorflow");
        }

        assertThat(logs.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("engine=auto", "no 'ai' module"));
    }

    @Test
    void anUnreachableRedisIsNamedAsTheReasonAndItsPasswordIsNotLogged() {
        try (InferenceEngine engine =
                EngineSelector.select("redisai", "redis://:hunter2@127.0.0.1:1", Duration.ofSeconds(2))) {
            assertThat(engine.name()).isEqualTo("tensorflow");
        }

        assertThat(logs.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("redis://***@127.0.0.1:1 is unreachable")
                        .doesNotContain("hunter2"));
    }

    @Test
    void tensorflowDoesNotAskRedisAndUnknownNamesAreRefused() {
        try (InferenceEngine engine =
                EngineSelector.select("tensorflow", "redis://127.0.0.1:1", Duration.ofSeconds(2))) {
            assertThat(engine.name()).isEqualTo("tensorflow");
        }
        assertThat(logs.list).noneMatch(e -> e.getLevel() == Level.WARN);
        assertThatThrownBy(() -> EngineSelector.select("onnx", TestRedis.uri(), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown engine 'onnx'; expected one of [tensorflow, redisai, auto]");
    }

    @Test
    void theRedisAiEngineItselfRefusesToStartWithoutTheModule() {
        assertThatThrownBy(() -> RedisAiEngine.connect(TestRedis.uri(), Duration.ofSeconds(2)))
                .isInstanceOf(RedisAiException.class)
                .hasMessageContaining("the RedisAI engine is unavailable: MODULE LIST on redis://")
                .hasMessageContaining("modules loaded: none");
    }

    @Test
    void probeListsTheModulesOfARealServer() {
        RedisModules.Probe probe = RedisModules.probe(TestRedis.uri(), Duration.ofSeconds(2));

        assertThat(probe.failure()).isNull();
        assertThat(probe.modules().versions()).isEmpty();
        assertThat(probe.has(RedisModules.REDISAI)).isFalse();
        assertThat(probe.whyMissing(RedisModules.REDISGEARS, "RedisGears")).contains("no 'rg' module (RedisGears)");
    }
}
