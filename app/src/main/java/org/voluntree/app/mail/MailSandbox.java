package org.voluntree.app.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded defaults' SMTP server: GreenMail in this process, accepting every message sent to
 * it and keeping it for admins to read, each organisation's admins its own mails. Production configures
 * a real SMTP server instead.
 */
@Component
@ConditionalOnProperty(name = "voluntree.mail.sandbox.enabled", havingValue = "true")
public class MailSandbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailSandbox.class);

    /** A received email. */
    public record ReceivedMail(List<String> to, String subject, String body, Instant receivedAt) {}

    private final GreenMail server;

    MailSandbox(@Value("${spring.mail.port}") int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        log.info("Mail sandbox listening for SMTP on 127.0.0.1:{}", port);
    }

    /** The header {@link EmailSender} names the mail's organisation in. */
    static final String ORGANISATION_HEADER = "X-Voluntree-Organisation";

    /** The mails sent for this organisation (its PIN e-mails), oldest first. */
    public List<ReceivedMail> received(long organisationId) {
        String organisation = Long.toString(organisationId);
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                if (!organisation.equals(message.getHeader(ORGANISATION_HEADER, null))) {
                    continue;
                }
                mails.add(new ReceivedMail(
                        Arrays.stream(message.getAllRecipients())
                                .map(Object::toString)
                                .toList(),
                        message.getSubject(),
                        GreenMailUtil.getBody(message).strip(),
                        message.getReceivedDate() == null
                                ? null
                                : message.getReceivedDate().toInstant()));
            } catch (MessagingException e) {
                log.warn("Unreadable message in the mail sandbox: {}", e.getMessage());
            }
        }
        return mails;
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
