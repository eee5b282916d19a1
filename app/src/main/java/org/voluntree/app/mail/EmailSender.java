package org.voluntree.app.mail;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.mail.SendFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.workers.queue.JobHandler;
import org.voluntree.workers.queue.PermanentFailure;

/**
 * Sends one {@code q:email} job over SMTP. A job whose key was sent already is not sent again. An SMTP
 * failure is retried with the queue's backoff (a server that cannot be reached, a 4xx reply such as
 * {@code 451}), while a mail that can never go out is a {@link PermanentFailure}, dead-lettered at once: one
 * the mail library cannot build (an address it cannot parse), or one whose recipient the server refuses
 * for good (a 5xx reply to {@code RCPT TO}, {@code 550 5.1.1 no such user}). A job given up on either way
 * queues the notice it carries ({@link EmailJob#ifUndelivered}), so the person who asked for the mail
 * hears of it. The address never goes into a failure's reason, which the logs and {@code s:dead} show.
 */
class EmailSender implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final Duration REMEMBER_SENT = Duration.ofDays(2);
    /** What stands for the address in a server's reply quoted in a reason. */
    private static final String RECIPIENT = "[recipient]";

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
            Optional<String> refused = refusedForGood(e);
            if (refused.isPresent()) {
                // the server will not take mail for that address: another try gets the same answer
                throw PermanentFailure.because(
                        "the SMTP server refused the recipient for good: " + withoutAddress(refused.get(), job.to()),
                        e);
            }
            throw new IllegalStateException("SMTP refused or failed: " + withoutAddress(e.getMessage(), job.to()), e);
        }
        redis.sync().set(sentKey, "1".getBytes(StandardCharsets.UTF_8), SetArgs.Builder.ex(REMEMBER_SENT));
        log.info("Sent email {} for organisation {}", job.subject(), job.organisationId());
    }

    /** The mail went to {@code s:dead}: the person who asked for it is told, if the job says how. */
    @Override
    public void gaveUp(byte[] item, String reason) {
        EmailJob job;
        try {
            job = Json.read(item, EmailJob.class);
        } catch (RuntimeException e) {
            return; // not an email job: nobody asked for it
        }
        if (job.ifUndelivered() == null) {
            return;
        }
        redis.sync().lpush(RedisNames.REPLY_QUEUE, Json.write(job.ifUndelivered()));
        log.info(
                "Gave up on email {} for organisation {}; the person who asked for it will be told",
                job.subject(),
                job.organisationId());
    }

    /** The commands that hand the server the message itself: {@code DATA}, and the dot that ends it. */
    private static final Set<String> MESSAGE_COMMANDS = Set.of("DATA", ".");

    /**
     * The server's reply when it refused the mail for that recipient for good: Jakarta Mail reports a 5xx
     * reply to {@code RCPT TO} as a {@link SendFailedException} naming the address among the invalid ones (a
     * 4xx, among the valid ones not sent to), and a 5xx to {@code DATA} or to the message's end as an
     * {@link SMTPSendFailedException} of that command. Empty for every other failure.
     */
    private static Optional<String> refusedForGood(MailException failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SMTPSendFailedException refused
                    && refused.getReturnCode() / 100 == 5
                    && MESSAGE_COMMANDS.contains(refused.getCommand())) {
                // the server read the mail for that address and will not take it (mailbox full, rejected
                // as it is): another try gets the same answer. A 5xx to MAIL FROM is about the sender, this
                // installation's setting, and is retried while the operator fixes it
                return Optional.of(String.valueOf(refused.getMessage()).strip());
            }
            if (cause instanceof SendFailedException sent
                    && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0) {
                // the reply to RCPT TO is the exception it chains; the last of the chain says the most
                Throwable reply = sent;
                while (reply.getCause() != null && reply.getCause() != reply) {
                    reply = reply.getCause();
                }
                return Optional.of(String.valueOf(reply.getMessage()).strip());
            }
        }
        return Optional.empty();
    }

    /** The failure and what it chains, and what each message Spring could not send failed with. */
    private static List<Throwable> causes(MailException failure) {
        List<Throwable> starts = new ArrayList<>();
        if (failure instanceof MailSendException send) {
            starts.addAll(List.of(send.getMessageExceptions()));
        }
        starts.add(failure);
        List<Throwable> found = new ArrayList<>();
        for (Throwable start : starts) {
            for (Throwable t = start; t != null && !found.contains(t); t = t.getCause()) {
                found.add(t);
            }
        }
        return found;
    }

    /** A server's words with the address taken out: servers quote it ({@code 550 5.1.1 <a@b.org>: ...}). */
    private static String withoutAddress(String text, String address) {
        if (text == null || address == null || address.isEmpty()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(address), Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .replaceAll(Matcher.quoteReplacement(RECIPIENT));
    }
}
