package org.voluntree.app.deletion;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/**
 * Facebook's data deletion callback. {@code POST /webhooks/facebook/data-deletion} with a
 * {@code signed_request} erases the person's data and answers {@code {"url", "confirmation_code"}};
 * the URL reports the deletion's status.
 */
@RestController
@ConditionalOnRole(Role.WEB)
class DataDeletionController {

    private static final Logger log = LoggerFactory.getLogger(DataDeletionController.class);
    static final String PATH = "/webhooks/facebook/data-deletion";

    private final PersonalData personalData;
    private final String appSecret;

    DataDeletionController(PersonalData personalData, @Value("${voluntree.facebook.app-secret}") String appSecret) {
        this.personalData = personalData;
        this.appSecret = appSecret;
    }

    @PostMapping(PATH)
    Map<String, String> delete(@RequestParam(name = "signed_request", required = false) String signedRequest) {
        String userId = SignedRequest.userId(signedRequest, appSecret);
        PersonalData.Deletion deletion = personalData.erase(userId);
        log.info(
                "Data deletion {}: {} messages and {} volunteer records erased",
                deletion.confirmationCode(),
                deletion.messagesDeleted(),
                deletion.volunteersDeleted());
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(PATH + "/{code}")
                .buildAndExpand(deletion.confirmationCode())
                .toUriString();
        return Map.of("url", url, "confirmation_code", deletion.confirmationCode());
    }

    @GetMapping(PATH + "/{code}")
    ResponseEntity<PersonalData.Deletion> status(@PathVariable String code) {
        return personalData
                .status(code)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @ExceptionHandler(InvalidSignedRequestException.class)
    ResponseEntity<Map<String, String>> refused(InvalidSignedRequestException e) {
        log.warn("Data deletion request refused: {}", e.getMessage());
        return ResponseEntity.badRequest().body(Map.of("error", "Bad Request", "reason", e.getMessage()));
    }
}
