package org.voluntree.app.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * {@code /webhooks/facebook}: GET answers the subscription handshake, POST accepts deliveries.
 * A delivery is read as raw bytes (the signature covers exactly those), checked, split, de-duplicated
 * and queued; the answer is 200 within milliseconds, before any classification.
 */
@ConditionalOnRole(Role.WEB)
@RestController
@RequestMapping("/webhooks/facebook")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookProperties properties;
    private final WebhookSignatureVerifier verifier;
    private final WebhookPayloadParser parser = new WebhookPayloadParser();
    private final WebhookIntake intake;
    private final Clock clock;
    private final Counter queuedEvents;
    private final Counter duplicateEvents;
    private final Counter skippedChanges;

    WebhookController(WebhookProperties properties, WebhookIntake intake, MeterRegistry meters) {
        this.properties = properties;
        this.verifier = new WebhookSignatureVerifier(properties.appSecret());
        this.intake = intake;
        this.clock = Clock.systemUTC();
        this.queuedEvents = meters.counter("voluntree.webhook.events", "outcome", "queued");
        this.duplicateEvents = meters.counter("voluntree.webhook.events", "outcome", "duplicate");
        this.skippedChanges = meters.counter("voluntree.webhook.events", "outcome", "skipped");
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!"subscribe".equals(mode) || challenge == null) {
            throw WebhookRejectedException.malformed("expected hub.mode=subscribe with a hub.challenge");
        }
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        properties.verifyToken().getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRejectedException.wrongVerifyToken();
        }
        log.info("Answered Facebook's webhook verification handshake");
        return challenge;
    }

    @PostMapping
    ResponseEntity<Map<String, Integer>> receive(
            HttpServletRequest request, @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature)
            throws IOException {
        byte[] body = readLimited(request);
        verifier.verify(signature, body);
        WebhookPayloadParser.Parsed parsed = parser.parse(body, clock.instant());
        int queued = intake.enqueue(parsed.events());
        int duplicates = parsed.events().size() - queued;
        queuedEvents.increment(queued);
        duplicateEvents.increment(duplicates);
        skippedChanges.increment(parsed.skipped());
        log.debug(
                "Webhook delivery: {} events queued, {} duplicates dropped, {} changes skipped",
                queued,
                duplicates,
                parsed.skipped());
        return ResponseEntity.ok(Map.of("queued", queued, "duplicates", duplicates, "skipped", parsed.skipped()));
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw WebhookRejectedException.tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw WebhookRejectedException.tooLarge(limit);
            }
            return body;
        }
    }

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<Map<String, String>> rejected(WebhookRejectedException e) {
        log.warn("Webhook request refused ({}): {}", e.status().value(), e.getMessage());
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.status().getReasonPhrase(), "reason", e.getMessage()));
    }
}
