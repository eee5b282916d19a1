package org.voluntree.app.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code GET /api/models}: the models in use, for the settings page. */
@RestController
@ConditionalOnRole(Role.WEB)
@Tag(name = "Settings")
class ModelsController {

    private final ActiveModels models;

    ModelsController(ActiveModels models) {
        this.models = models;
    }

    @GetMapping("/api/models")
    @Operation(summary = "The active model of each analyzer, with its evaluation metrics and training data")
    List<ActiveModels.StoredModel> models() {
        return models.list();
    }
}
