package org.voluntree.app.models;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.lettuce.core.api.StatefulRedisConnection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.api.ForbiddenException;
import org.voluntree.app.api.InvalidFieldException;
import org.voluntree.app.dashboard.ActiveModels.StoredModel;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.model.ModelInUseException;
import org.voluntree.contracts.model.ModelNotFoundException;
import org.voluntree.contracts.model.ModelRegistry;

/**
 * The stored versions of each analyzer's model, and activation, rollback and deletion from the
 * dashboard: what {@code model-tools list / activate / rollback / delete} do, for an admin who queued a
 * training job and wants to put its result to work (or discard it). Models serve the whole installation, so {@code
 * voluntree.models.http-activation=auto} (the default) allows it only while the installation has one
 * organisation, and leaves it to the operator's command line once several share the models.
 */
@RestController
@ConditionalOnRole(Role.WEB)
@Tag(name = "Models")
class ModelVersionsController {

    private static final Logger log = LoggerFactory.getLogger(ModelVersionsController.class);

    /**
     * One stored version, whether it is the active one, and whether it may be deleted (never active:
     * no message can have been featurised for it).
     */
    record ModelVersion(
            boolean active,
            boolean deletable,
            @JsonUnwrapped StoredModel model) {}

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
    private final String httpActivation;
    private final JdbcTemplate jdbc;

    ModelVersionsController(
            StatefulRedisConnection<String, byte[]> redis,
            JdbcTemplate jdbc,
            @Value("${voluntree.models.http-activation:auto}") String httpActivation) {
        if (!List.of("auto", "true", "false").contains(httpActivation)) {
            throw new IllegalArgumentException(
                    "voluntree.models.http-activation (VOLUNTREE_MODELS_HTTP_ACTIVATION) must be"
                            + " auto, true or false, was '" + httpActivation + "'");
        }
        this.registry = new ModelRegistry(redis.sync());
        this.jdbc = jdbc;
        this.httpActivation = httpActivation;
    }

    /**
     * Whether admins may activate, roll back and delete versions here. Models serve every organisation
     * of the installation, so {@code auto} allows it only while there is one: an owner of one
     * organisation must not switch the models another relies on.
     */
    private boolean httpActivation() {
        return switch (httpActivation) {
            case "true" -> true;
            case "false" -> false;
            default -> jdbc.queryForObject("select count(*) from organisations", Integer.class) <= 1;
        };
    }

    @GetMapping("/api/models/{analyzer}/versions")
    @Operation(summary = "Every stored version of an analyzer's model, newest first, with its held-out metrics")
    ModelVersions versions(@AuthenticationPrincipal AdminAccount admin, @PathVariable String analyzer) {
        BundledModels.requireKnown(analyzer);
        Optional<Integer> active = registry.activeVersion(analyzer);
        Set<Integer> everActive = registry.everActive(analyzer);
        List<ModelVersion> versions = new ArrayList<>();
        List<Integer> stored = registry.versions(analyzer);
        for (int i = stored.size() - 1; i >= 0; i--) {
            int version = stored.get(i);
            versions.add(new ModelVersion(
                    active.filter(a -> a == version).isPresent(),
                    !everActive.contains(version),
                    StoredModel.of(registry.manifest(analyzer, version))));
        }
        return new ModelVersions(
                analyzer,
                active.orElse(null),
                registry.rollbackTarget(analyzer).orElse(null),
                httpActivation() && !"viewer".equals(admin.role()),
                versions);
    }

    @PostMapping("/api/models/{analyzer}/active")
    @Operation(
            summary = "Makes a stored version the active one; gears and workers switch to it within a second",
            description = "Admins and owners, while the installation has one organisation"
                    + " (voluntree.models.http-activation: auto, true or false).")
    Map<String, Object> activate(
            @AuthenticationPrincipal AdminAccount admin,
            @PathVariable String analyzer,
            @Valid @RequestBody Activation request) {
        requireActivator(admin);
        BundledModels.requireKnown(analyzer);
        int version = request.version();
        Optional<Integer> previous;
        try {
            previous = registry.activate(analyzer, version);
        } catch (ModelNotFoundException e) {
            throw InvalidFieldException.of(
                    "version",
                    analyzer + " has no stored version " + version + " (stored: " + registry.versions(analyzer) + ")");
        }
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
        int restored;
        try {
            restored = registry.rollback(analyzer);
        } catch (ModelNotFoundException e) {
            // an ordinary answer (nothing earlier to go back to), not a missing model worth a warning
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        log.info("Admin {} rolled {} back to v{}", admin.adminId(), analyzer, restored);
        return Map.of("analyzer", analyzer, "active", restored);
    }

    @DeleteMapping("/api/models/{analyzer}/versions/{version}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Deletes a stored version that has never been active (a training run nobody put to work)",
            description = "409 for a version that is or has been active: messages featurised for it may still be"
                    + " waiting. 404 for a version that is not stored.")
    void delete(@AuthenticationPrincipal AdminAccount admin, @PathVariable String analyzer, @PathVariable int version) {
        requireActivator(admin);
        BundledModels.requireKnown(analyzer);
        try {
            registry.delete(analyzer, version);
        } catch (ModelNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ModelInUseException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        log.info("Admin {} deleted {} v{}", admin.adminId(), analyzer, version);
    }

    private void requireActivator(AdminAccount admin) {
        Permissions.requireWriter(admin);
        if (!httpActivation()) {
            throw ForbiddenException.because("this installation "
                    + ("auto".equals(httpActivation) ? "serves several organisations, so it " : "")
                    + "leaves model activation to its operator: model-tools activate / rollback / delete");
        }
    }
}
