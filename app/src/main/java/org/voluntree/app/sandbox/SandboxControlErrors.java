package org.voluntree.app.sandbox;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused control and simulator requests as {@code {"error": ..., "reason": ...}}, like the rest of the API. */
@ConditionalOnSandbox
@RestControllerAdvice(assignableTypes = {SandboxControlController.class, WebhookSimulatorController.class})
class SandboxControlErrors {

    private static final Logger log = LoggerFactory.getLogger(SandboxControlErrors.class);

    @ExceptionHandler(SandboxControlException.class)
    ResponseEntity<Map<String, String>> refused(SandboxControlException e) {
        log.warn("Sandbox control refused ({}): {}", e.status().value(), e.getMessage());
        return ResponseEntity.status(e.status())
                .body(Map.of("error", e.status().getReasonPhrase(), "reason", e.getMessage()));
    }
}
