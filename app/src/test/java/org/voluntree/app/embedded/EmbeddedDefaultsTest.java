package org.voluntree.app.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/** What the embedded run says when it cannot start its own servers. */
class EmbeddedDefaultsTest {

    @Test
    void aPortLeftTakenByAKilledRunIsNamedWithWhatToDo(@TempDir Path dataDir) throws Exception {
        try (ServerSocket leftOver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(leftOver.getLocalPort());

            assertThatThrownBy(() -> EmbeddedDefaults.applyTo(
                            new SpringApplication(),
                            Map.of(
                                    "VOLUNTREE_DATA_DIR",
                                    dataDir.toString(),
                                    "VOLUNTREE_EMBEDDED_REDIS_PORT",
                                    port,
                                    "VOLUNTREE_DATABASE_URL",
                                    "jdbc:postgresql://127.0.0.1:1/unused")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " of the embedded Redis is already in use")
                    .hasMessageContaining("redis-cli -p " + port + " shutdown")
                    .hasMessageContaining("VOLUNTREE_EMBEDDED_REDIS_PORT");
            assertThatThrownBy(() -> EmbeddedDefaults.applyTo(
                            new SpringApplication(),
                            Map.of(
                                    "VOLUNTREE_DATA_DIR",
                                    dataDir.toString(),
                                    "VOLUNTREE_EMBEDDED_POSTGRES_PORT",
                                    port,
                                    "VOLUNTREE_REDIS_URL",
                                    "redis://127.0.0.1:1")))
                    .hasMessageContaining("port " + port + " of the embedded PostgreSQL is already in use")
                    .hasMessageContaining("VOLUNTREE_EMBEDDED_POSTGRES_PORT");
        }
    }
}
