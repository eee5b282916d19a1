package org.voluntree.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.model.ModelRegistry;

/**
 * An installation that leaves activation to its operator ({@code voluntree.models.http-activation=false}):
 * owners still see every version, but activation, rollback and deletion over HTTP are refused and change
 * nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "voluntree.models.http-activation=false")
@Import(OrganisationFixture.class)
@DirtiesContext
class OperatorActivationIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    @Test
    void ownersSeeTheVersionsButTheOperatorActivatesThem() {
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Shared installation");
        fixture.admin(org, "owner@shared.example", "owner-password", "owner");
        ApiClient owner = ApiClient.basic(port, "owner@shared.example", "owner-password");
        ModelRegistry registry = new ModelRegistry(redis.sync());
        int active = registry.activeVersion("sentiment").orElseThrow();
        int copy = registry.store(registry.artifact("sentiment", active));

        HttpResponse<String> listed = owner.get("/api/models/sentiment/versions");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(listed.body()).path("activationAllowed").asBoolean())
                .isFalse();

        HttpResponse<String> activation = owner.post("/api/models/sentiment/active", "{\"version\":" + copy + "}");
        assertThat(activation.statusCode()).isEqualTo(403);
        assertThat(activation.body()).contains("model-tools activate");
        assertThat(owner.post("/api/models/sentiment/rollback", "{}").statusCode())
                .isEqualTo(403);
        assertThat(owner.delete("/api/models/sentiment/versions/" + copy).statusCode())
                .isEqualTo(403);
        assertThat(registry.activeVersion("sentiment")).contains(active);
        assertThat(registry.versions("sentiment")).contains(copy);
    }
}
