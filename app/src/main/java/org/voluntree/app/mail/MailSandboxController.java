package org.voluntree.app.mail;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code GET /api/sandbox/mail}: what the mail sandbox received, for logged-in admins of the demo. */
@RestController
@ConditionalOnRole(Role.WEB)
@ConditionalOnProperty(name = "voluntree.mail.sandbox.enabled", havingValue = "true")
class MailSandboxController {

    private final MailSandbox sandbox;

    MailSandboxController(MailSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping("/api/sandbox/mail")
    List<MailSandbox.ReceivedMail> received() {
        return sandbox.received();
    }
}
