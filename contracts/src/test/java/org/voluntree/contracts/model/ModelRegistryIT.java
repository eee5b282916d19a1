package org.voluntree.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;

class ModelRegistryIT {

    private StatefulRedisConnection<String, byte[]> connection;
    private StatefulRedisPubSubConnection<String, String> subscription;
    private final BlockingQueue<String> announcements = new LinkedBlockingQueue<>();
    private ModelRegistry registry;

    @BeforeEach
    void setUp() {
        TestRedis.flush();
        connection = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        registry = new ModelRegistry(connection.sync());
        subscription = TestRedis.client().connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                announcements.add(channel + " " + message);
            }
        });
        subscription.sync().subscribe(RedisNames.MODELS_CHANGED_CHANNEL);
    }

    @AfterEach
    void tearDown() {
        subscription.close();
        connection.close();
    }

    @Test
    void storeAssignsConsecutiveVersionsWithoutActivating() {
        ModelArtifact first = Artifacts.of("intent", "graph one");
        ModelArtifact second = Artifacts.of("intent", "graph two");

        assertThat(registry.store(first)).isEqualTo(1);
        assertThat(registry.store(second)).isEqualTo(2);
        assertThat(registry.store(Artifacts.of("offense", "other graph"))).isEqualTo(1);

        assertThat(registry.versions("intent")).containsExactly(1, 2);
        assertThat(registry.analyzers()).containsExactly("intent", "offense");
        assertThat(registry.activeVersion("intent")).isEmpty();
        assertThat(registry.activeVersions()).isEmpty();
        assertThat(registry.manifest("intent", 2).version()).isEqualTo(2);
        ModelArtifact stored = registry.artifact("intent", 2);
        assertThat(stored.graph()).isEqualTo(second.graph());
        assertThat(stored.manifest()).isEqualTo(second.manifest().withVersion(2));
    }

    @Test
    void activatePublishesOnModelsChanged() throws InterruptedException {
        registry.store(Artifacts.of("intent", "graph one"));
        registry.store(Artifacts.of("intent", "graph two"));

        assertThat(registry.activate("intent", 1)).isEmpty();
        assertThat(nextAnnouncement()).isEqualTo("models:changed intent:1");
        assertThat(registry.activate("intent", 2)).contains(1);
        assertThat(nextAnnouncement()).isEqualTo("models:changed intent:2");

        assertThat(registry.activeVersion("intent")).contains(2);
        assertThat(registry.activeVersions()).isEqualTo(Map.of("intent", 2));
    }

    @Test
    void rollbackReturnsToThePreviousActiveVersion() throws InterruptedException {
        for (int i = 1; i <= 3; i++) {
            registry.store(Artifacts.of("intent", "graph " + i));
        }
        registry.activate("intent", 1);
        registry.activate("intent", 3);
        registry.activate("intent", 2);
        assertThat(List.of(nextAnnouncement(), nextAnnouncement(), nextAnnouncement()))
                .containsExactly("models:changed intent:1", "models:changed intent:3", "models:changed intent:2");

        assertThat(registry.rollbackTarget("intent")).contains(3);
        assertThat(registry.rollback("intent")).isEqualTo(3);
        assertThat(registry.activeVersion("intent")).contains(3);
        assertThat(nextAnnouncement()).isEqualTo("models:changed intent:3");
        assertThat(registry.rollback("intent")).isEqualTo(1);
        assertThat(registry.activeVersion("intent")).contains(1);
        assertThat(registry.rollbackTarget("intent")).isEmpty();

        assertThatThrownBy(() -> registry.rollback("intent"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no earlier active version of intent");
        assertThat(registry.activeVersion("intent")).contains(1);
    }

    @Test
    void reactivatingTheActiveVersionLeavesNothingToRollBackTo() {
        registry.store(Artifacts.of("intent", "graph one"));
        registry.activate("intent", 1);

        assertThat(registry.activate("intent", 1)).contains(1);
        assertThatThrownBy(() -> registry.rollback("intent")).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void activatingAnUnknownVersionFailsClearlyAndChangesNothing() throws InterruptedException {
        registry.store(Artifacts.of("intent", "graph one"));
        registry.activate("intent", 1);
        assertThat(nextAnnouncement()).isEqualTo("models:changed intent:1");

        assertThatThrownBy(() -> registry.activate("intent", 7))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessage("model intent v7 is not in the registry; 'model-tools list' shows the stored versions");
        assertThatThrownBy(() -> registry.activate("sentiment", 1))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("model sentiment v1 is not in the registry");

        assertThat(registry.activeVersion("intent")).contains(1);
        assertThat(registry.activeVersion("sentiment")).isEmpty();
        // the failed activations announced nothing: the next announcement is this one
        registry.activate("intent", 1);
        assertThat(nextAnnouncement()).isEqualTo("models:changed intent:1");
        assertThatThrownBy(() -> registry.rollback("intent")).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void readingAnUnknownVersionFailsClearly() {
        assertThatThrownBy(() -> registry.manifest("intent", 4))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("model intent v4 is not in the registry");
        assertThatThrownBy(() -> registry.artifact("intent", 4))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("model intent v4 is not in the registry");
    }

    @Test
    void aVersionThatWasNeverActiveIsDeletedWithItsRedisAiCopy() {
        registry.store(Artifacts.of("offense", "graph one"));
        registry.activate("offense", 1);
        registry.store(Artifacts.of("offense", "graph two"));
        registry.store(Artifacts.of("offense", "graph three"));
        connection.sync().set(RedisNames.aiModel("offense", 2), "stored by the RedisAI engine".getBytes());

        registry.delete("offense", 2);

        assertThat(registry.versions("offense")).containsExactly(1, 3);
        assertThatThrownBy(() -> registry.manifest("offense", 2)).isInstanceOf(ModelNotFoundException.class);
        assertThat(connection.sync().exists(RedisNames.aiModel("offense", 2))).isZero();
        assertThat(registry.activeVersion("offense")).contains(1);
        assertThat(registry.store(Artifacts.of("offense", "graph four")))
                .as("numbers are never reused")
                .isEqualTo(4);
        assertThatThrownBy(() -> registry.delete("offense", 2))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("model offense v2 is not in the registry");
    }

    @Test
    void versionsThatAreOrHaveBeenActiveAreKept() {
        registry.store(Artifacts.of("intent", "graph one"));
        registry.store(Artifacts.of("intent", "graph two"));
        registry.store(Artifacts.of("intent", "graph three"));
        registry.activate("intent", 1);
        registry.activate("intent", 2);
        registry.rollback("intent");

        assertThatThrownBy(() -> registry.delete("intent", 1))
                .isInstanceOf(ModelInUseException.class)
                .hasMessageStartingWith("intent v1 is the active version, and versions that have been active are kept");
        assertThatThrownBy(() -> registry.delete("intent", 2))
                .as("rolled back from, but messages may still be featurised for it")
                .isInstanceOf(ModelInUseException.class)
                .hasMessageContaining("intent v2 has been active");
        assertThat(registry.everActive("intent")).containsExactly(1, 2);
        assertThat(registry.versions("intent")).containsExactly(1, 2, 3);

        registry.delete("intent", 3);
        assertThat(registry.versions("intent")).containsExactly(1, 2);
    }

    @Test
    void aRegistryFromBeforeTheEverActiveSetKeepsItsRollbackHistory() {
        registry.store(Artifacts.of("sentiment", "graph one"));
        registry.store(Artifacts.of("sentiment", "graph two"));
        // as an older build left it: v1 was active before v2, and nothing recorded that in a set
        connection.sync().set(RedisNames.activeModel("sentiment"), "2".getBytes());
        connection.sync().lpush(RedisNames.modelHistory("sentiment"), "1".getBytes());

        assertThat(registry.everActive("sentiment")).containsExactly(1, 2);
        assertThatThrownBy(() -> registry.delete("sentiment", 1)).isInstanceOf(ModelInUseException.class);
        assertThat(registry.versions("sentiment")).containsExactly(1, 2);
    }

    private String nextAnnouncement() throws InterruptedException {
        String message = announcements.poll(5, TimeUnit.SECONDS);
        assertThat(message)
                .as("announcement on " + RedisNames.MODELS_CHANGED_CHANNEL)
                .isNotNull();
        return message;
    }
}
