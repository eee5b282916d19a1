package org.voluntree.app.models;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.account.Permissions;
import org.voluntree.app.api.ApiErrorBodies;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;
import org.voluntree.contracts.event.Json;

/**
 * {@code POST /api/models/{analyzer}/train} queues a training job (admins and owners; 409 while the
 * analyzer has one queued or running);
 * {@code GET /api/models/training/{id}} reports its progress and result, {@code GET
 * /api/models/training?analyzer=A} the analyzer's latest jobs (so that a page reloaded during training
 * finds its job again).
 */
@Tag(name = "Models")
@RestController
@ConditionalOnRole(Role.WEB)
class TrainingController {

    private final TrainingJobs jobs;

    TrainingController(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "Queues a training job for an analyzer (409 while one is queued or running)")
    @PostMapping("/api/models/{analyzer}/train")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> train(@AuthenticationPrincipal AdminAccount admin, @PathVariable String analyzer) {
        Permissions.requireWriter(admin);
        BundledModels.requireKnown(analyzer);
        String id = jobs.submit(analyzer, admin.getUsername(), admin.organisationId());
        return Map.of("id", id, "status", "queued", "statusUrl", statusUrl(id));
    }

    private static String statusUrl(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/models/training/{id}")
                .buildAndExpand(id)
                .toUriString();
    }

    /** 409 naming the job in flight, so that a client can follow it instead. */
    @ExceptionHandler(TrainingJobPendingException.class)
    ResponseEntity<Map<String, String>> pending(TrainingJobPendingException e) {
        Map<String, String> body = new LinkedHashMap<>(ApiErrorBodies.of(HttpStatus.CONFLICT, null, e.getMessage()));
        body.put("id", e.pendingId());
        body.put("statusUrl", statusUrl(e.pendingId()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @Operation(summary = "The analyzer's latest training jobs, newest first")
    @GetMapping("/api/models/training")
    List<Map<String, Object>> recent(@AuthenticationPrincipal AdminAccount admin, @RequestParam String analyzer) {
        BundledModels.requireKnown(analyzer);
        return jobs.recent(analyzer).stream().map(job -> seenBy(admin, job)).toList();
    }

    @Operation(summary = "A training job's state, progress and result")
    @GetMapping("/api/models/training/{id}")
    Map<String, Object> status(@AuthenticationPrincipal AdminAccount admin, @PathVariable String id) {
        return seenBy(
                admin,
                jobs.status(id)
                        .orElseThrow(() -> new ResponseStatusException(
                                HttpStatus.NOT_FOUND, "no training job " + id + " (jobs are kept 7 days)")));
    }

    /**
     * Models, and so training jobs, serve the whole installation, but who asked for a job is only shown
     * to the admins of that person's organisation.
     */
    private static Map<String, Object> seenBy(AdminAccount admin, Map<String, String> job) {
        Map<String, Object> shown = new LinkedHashMap<>(job);
        if (job.get("metrics") != null) {
            // stored as JSON text in the job's hash; the API gives it as the object it is
            shown.put("metrics", Json.read(job.get("metrics").getBytes(StandardCharsets.UTF_8), Map.class));
        }
        if (!Long.toString(admin.organisationId()).equals(job.get("organisationId"))) {
            shown.remove("requestedBy");
            shown.remove("organisationId");
        }
        return shown;
    }
}
