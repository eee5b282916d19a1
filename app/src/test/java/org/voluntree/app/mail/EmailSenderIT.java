package org.voluntree.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.testing.TestSmtpServer;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.redis.RedisNames;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.workers.queue.PermanentFailure;

/** How a {@code q:email} job's failure reaches the queue: retried, or given up on at once. */
class EmailSenderIT {

    private static final String FROM = "Voluntree <no-reply@voluntree.invalid>";

    private StatefulRedisConnection<String, byte[]> redis;
    private EmailSender sender;
    private TestSmtpServer smtp;

    @BeforeEach
    void setUp() {
        redis = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        // no SMTP server listens there
        mail.setHost("127.0.0.1");
        mail.setPort(LocalRedisServer.freePort());
        sender = new EmailSender(mail, redis, FROM);
    }

    @AfterEach
    void tearDown() {
        redis.close();
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aMailToAnAddressTheMailLibraryCannotParseIsAPermanentFailureNotRetried() {
        for (String address : new String[] {"mailto:dave@example.org", "dave@example.org."}) {
            Throwable failure = catchThrowable(() -> sender.handle(job(address)));

            assertThat(failure)
                    .as(address)
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessageStartingWith("the mail cannot be sent as it is: ")
                    .hasMessageNotContaining("dave");
        }
    }

    @Test
    void anSmtpServerThatCannotBeReachedIsRetried() {
        Throwable failure = catchThrowable(() -> sender.handle(job("dave@example.org")));

        assertThat(failure)
                .isNotNull()
                .isNotInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("SMTP refused or failed: ");
    }

    @Test
    void aRecipientTheServerRefusesForGoodIsAPermanentFailureWhoseReasonHasTheReplyButNotTheAddress() {
        EmailSender sender = senderTo(smtp());
        smtp.refuse("Nobody@Example.org", "550 5.1.1 <nobody@example.org>: Recipient address rejected: no such user");

        Throwable failure = catchThrowable(() -> sender.handle(job("nobody@example.org")));

        assertThat(failure)
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("the SMTP server refused the recipient for good: 550 5.1.1 ")
                .hasMessageContaining("Recipient address rejected: no such user")
                .hasMessageNotContaining("nobody");
        assertThat(smtp.recipientCommands("nobody@example.org")).isEqualTo(1);
        assertThat(smtp.receivedBy("nobody@example.org")).isEmpty();
    }

    @Test
    void aMessageTheServerRefusesForGoodAfterReadingItIsAPermanentFailureWhoseReasonHasTheReply() {
        EmailSender sender = senderTo(smtp());
        smtp.refuseMessagesTo("full@example.org", "552 5.2.2 <full@example.org>: mailbox full");

        Throwable failure = catchThrowable(() -> sender.handle(job("full@example.org")));

        assertThat(failure)
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("the SMTP server refused the recipient for good: 552 5.2.2 ")
                .hasMessageContaining("mailbox full")
                .hasMessageNotContaining("full@");
        assertThat(smtp.recipientCommands("full@example.org")).isEqualTo(1);
        assertThat(smtp.receivedBy("full@example.org")).isEmpty();
    }

    @Test
    void aRecipientTheServerDefersIsRetriedAndTheMailGoesOutOnceTheServerTakesIt() throws Exception {
        EmailSender sender = senderTo(smtp());
        smtp.refuse("busy@example.org", "451 4.3.0 <busy@example.org>: mailbox busy, try again later", 1);
        byte[] job = job("busy@example.org");

        Throwable failure = catchThrowable(() -> sender.handle(job));

        assertThat(failure)
                .isNotNull()
                .isNotInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("SMTP refused or failed: ")
                .hasMessageContaining("451 4.3.0")
                .hasMessageNotContaining("busy@");
        assertThat(smtp.receivedBy("busy@example.org")).isEmpty();

        sender.handle(job);

        assertThat(smtp.recipientCommands("busy@example.org")).isEqualTo(2);
        assertThat(smtp.receivedBy("busy@example.org")).hasSize(1);
        assertThat(smtp.receivedBy("busy@example.org").get(0).getSubject()).isEqualTo("Your code");
    }

    @Test
    void aMailGivenUpOnQueuesTheNoticeItsJobCarriesAndOneWithoutNoneQueuesNothing() {
        String key = "test:" + UUID.randomUUID();
        InboundEvent typed = new InboundEvent(
                "m-" + key,
                EventKind.MESSAGE,
                "100000000000001",
                "m-" + key,
                null,
                null,
                "add",
                "2001",
                "Maya Cruz",
                "maya@example.org",
                null,
                Instant.now(),
                Instant.now());
        MessageToAnswer notice = new MessageToAnswer(7, 42, typed, Map.of()).withNotice("pin_undelivered");
        redis.sync().del(RedisNames.REPLY_QUEUE);

        sender.gaveUp(job("dave@example.org"), "PermanentFailure: refused");
        assertThat(redis.sync().llen(RedisNames.REPLY_QUEUE))
                .as("nobody to tell")
                .isZero();

        sender.gaveUp(
                Json.write(new EmailJob(key, 7, "maya@example.org", "Your code", "Your code is 123456.", notice)),
                "PermanentFailure: the SMTP server refused the recipient for good: 550 5.1.1 no such user");

        assertThat(redis.sync().llen(RedisNames.REPLY_QUEUE)).isEqualTo(1);
        MessageToAnswer queued = Json.read(redis.sync().rpop(RedisNames.REPLY_QUEUE), MessageToAnswer.class);
        assertThat(queued).isEqualTo(notice);
        assertThat(queued.replyTarget()).isEqualTo("m-" + key + "#pin_undelivered");
    }

    private TestSmtpServer smtp() {
        smtp = TestSmtpServer.start();
        return smtp;
    }

    private EmailSender senderTo(TestSmtpServer server) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(server.port());
        return new EmailSender(mail, redis, FROM);
    }

    private static byte[] job(String to) {
        return Json.write(new EmailJob("test:" + UUID.randomUUID(), 1, to, "Your code", "Your code is 123456."));
    }
}
