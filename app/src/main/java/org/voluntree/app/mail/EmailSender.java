package org.voluntree.app.mail;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.PermanentFailure;

/**
 * Sends one {@code q:email} job over SMTP. A job whose key was sent already is not sent again; an
 * SMTP failure is retried with the queue's backoff, while a mail that cannot be built (an address the
 * mail library cannot parse) is a {@link PermanentFailure}, dead-lettered at once.
 */
class EmailSender implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final Duration REMEMBER_SENT = Duration.ofDays(2);

    private final JavaMailSender mail;
    private final StatefulRedisConnection<String, byte[]> redis;
    private final String from;

    EmailSender(JavaMailSender mail, StatefulRedisConnection<String, byte[]> redis, String from) {
        this.mail = mail;
        this.redis = redis;
        this.from = from;
    }

    @Override
    public void handle(byte[] item) {
        EmailJob job;
        try {
            job = Json.read(item, EmailJob.class);
        } catch (RuntimeException e) {
            throw PermanentFailure.because("not an email job: " + e.getMessage(), e);
        }
        String sentKey = RedisNames.sentEmail(job.key());
        if (redis.sync().exists(sentKey) > 0) {
            return;
        }
        try {
            mail.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(job.to());
                helper.setSubject(job.subject());
                helper.setText(job.body());
                // whose mail it is, for the mail sandbox to show it to that organisation's admins only
                message.setHeader(MailSandbox.ORGANISATION_HEADER, Long.toString(job.organisationId()));
            });
        } catch (MailParseException | MailPreparationException e) {
            // the message cannot be built (an address the mail library cannot parse): no retry changes that.
            // The cause's reason, not the address, goes to s:dead
            throw PermanentFailure.because(
                    "the mail cannot be sent as it is: "
                            + e.getMostSpecificCause().getMessage(),
                    e);
        } catch (MailException e) {
            throw new IllegalStateException("SMTP refused or failed: " + e.getMessage(), e);
        }
        redis.sync().set(sentKey, "1".getBytes(StandardCharsets.UTF_8), SetArgs.Builder.ex(REMEMBER_SENT));
        log.info("Sent email {} for organisation {}", job.subject(), job.organisationId());
    }
}
