package org.voluntree.app.mail;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.voluntree.app.account.AdminAccount;
import org.voluntree.app.roles.ConditionalOnRole;
import org.voluntree.app.roles.Role;

/** {@code GET /api/sandbox/mail}: what the mail sandbox received for the caller's organisation. */
@RestController
@ConditionalOnRole(Role.WEB)
@ConditionalOnProperty(name = "voluntree.mail.sandbox.enabled", havingValue = "true")
class MailSandboxController {

    private final MailSandbox sandbox;

    MailSandboxController(MailSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * Viewers too: they read the inbox, where the address a person types in Messenger shows, and the
     * mails are the PINs sent to those addresses.
     */
    @GetMapping("/api/sandbox/mail")
    List<MailSandbox.ReceivedMail> received(@AuthenticationPrincipal AdminAccount admin) {
        return sandbox.received(admin.organisationId());
    }
}
