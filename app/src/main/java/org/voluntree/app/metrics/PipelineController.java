package org.voluntree.app.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * {@code GET /api/pipeline}: the pipeline's backlog for the Settings page, so an admin can tell a
 * stuck stage from a quiet day. Dead letters are counted, never shown: an operator lists and
 * replays them with {@code model-tools dead list|replay}.
 */
@RestController
@ConditionalOnRole(Role.WEB)
@Tag(name = "Pipeline", description = "Queue and stream backlog, dead letters")
class PipelineController {

    private final PipelineStatus status;

    PipelineController(PipelineStatus status) {
        this.status = status;
    }

    @GetMapping("/api/pipeline")
    @Operation(
            summary =
                    "Queue lengths, stream lengths with unacknowledged entries, and dead letters by source (counts only)")
    PipelineStatus.Snapshot pipeline() {
        return status.read();
    }
}
