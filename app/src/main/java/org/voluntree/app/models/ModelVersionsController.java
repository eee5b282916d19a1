package org.voluntree.app.models;

import io.lettuce.core.api.StatefulRedisConnection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.api.ForbiddenException;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.model.ModelManifest;
import org.voluntree.contracts.model.ModelRegistry;

/**
 * The stored versions of each analyzer's model, and activation and rollback from the dashboard: what
 * {@code model-tools list / activate / rollback} do, for an admin who queued a training job and wants
 * to put its result to work. Models serve the whole installation, so {@code
 * voluntree.models.http-activation=false} leaves activation to the operator's command line (for an
 * installation that several organisations share).
 */
@RestController
@ConditionalOnRole(Role.WEB)
@Tag(name = "Settings")
class ModelVersionsController {

    private static final Logger log = LoggerFactory.getLogger(ModelVersionsController.class);

    /** One stored version and how well it did on held-out data. */
    record ModelVersion(
            int version,
            boolean active,
            String family,
            List<String> labels,
            Map<String, Object> metrics,
            List<String> trainingData,
            String graphSha256,
            Instant createdAt) {}

    /** Every stored version of an analyzer, newest first, and what activation and rollback would do. */
    record ModelVersions(
            String analyzer,
            Integer active,
            Integer rollbackTo,
            boolean activationAllowed,
            List<ModelVersion> versions) {}

    /** The version to make active. */
    record Activation(@NotNull(message = "is required") Integer version) {}

    private final ModelRegistry registry;
    private final boolean httpActivation;

    ModelVersionsController(
            StatefulRedisConnection<String, byte[]> redis,
            @Value("${voluntree.models.http-activation:true}") boolean httpActivation) {
        this.registry = new ModelRegistry(redis.sync());
        this.httpActivation = httpActivation;
    }

    @GetMapping("/api/models/{analyzer}/versions")
    @Operation(summary = "Every stored version of an analyzer's model, newest first, with its held-out metrics")
    ModelVersions versions(@AuthenticationPrincipal AdminAccount admin, @PathVariable String analyzer) {
        BundledModels.requireKnown(analyzer);
        Optional<Integer> active = registry.activeVersion(analyzer);
        List<ModelVersion> versions = new ArrayList<>();
        List<Integer> stored = registry.versions(analyzer);
        for (int i = stored.size() - 1; i >= 0; i--) {
            int version = stored.get(i);
            ModelManifest m = registry.manifest(analyzer, version);
            versions.add(new ModelVersion(
                    version,
                    active.filter(a -> a == version).isPresent(),
                    m.family(),
                    m.labels(),
                    m.metrics(),
                    m.trainingData(),
                    m.graphSha256(),
                    m.createdAt()));
        }
        return new ModelVersions(
                analyzer,
                active.orElse(null),
                registry.rollbackTarget(analyzer).orElse(null),
                httpActivation && !"viewer".equals(admin.role()),
                versions);
    }

    @PostMapping("/api/models/{analyzer}/active")
    @Operation(
            summary = "Makes a stored version the active one; gears and workers switch to it within a second",
            description = "Admins and owners, unless voluntree.models.http-activation is false.")
    Map<String, Object> activate(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable String analyzer,
            @Valid @RequestBody Activation request) {
        requireActivator(admin);
        BundledModels.requireKnown(analyzer);
        int version = request.version();
        List<Integer> stored = registry.versions(analyzer);
        if (!stored.contains(version)) {
            throw InvalidFieldException.of(
                    "version", analyzer + " has no stored version " + version + " (stored: " + stored + ")");
        }
        Optional<Integer> previous = registry.activate(analyzer, version);
        log.info(
                "Admin {} activated {} v{} (was {})",
                admin.adminId(),
                analyzer,
                version,
                previous.map(p -> "v" + p).orElse("none"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("analyzer", analyzer);
        answer.put("active", version);
        answer.put("previous", previous.orElse(null));
        return answer;
    }

    @PostMapping("/api/models/{analyzer}/rollback")
    @Operation(
            summary = "Makes the previously active version active again",
            description = "409 when there is no earlier active version.")
    Map<String, Object> rollback(@AuthenticationPrincipal AdminAccount admin, @PathVariable String analyzer) {
        requireActivator(admin);
        BundledModels.requireKnown(analyzer);
        int restored = registry.rollback(analyzer);
        log.info("Admin {} rolled {} back to v{}", admin.adminId(), analyzer, restored);
        return Map.of("analyzer", analyzer, "active", restored);
    }

    private void requireActivator(AdminAccount admin) {
        Permissions.requireWriter(admin);
        if (!httpActivation) {
            throw ForbiddenException.because(
                    "this installation leaves model activation to its operator: model-tools activate / rollback");
        }
    }
}
