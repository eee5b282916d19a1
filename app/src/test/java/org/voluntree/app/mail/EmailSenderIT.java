package org.voluntree.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.local.LocalRedisServer;
import org.voluntree.contracts.redis.RedisCodecs;
import org.voluntree.contracts.testing.TestRedis;
import org.voluntree.workers.queue.PermanentFailure;

/** How a {@code q:email} job's failure reaches the queue: retried, or given up on at once. */
class EmailSenderIT {

    private StatefulRedisConnection<String, byte[]> redis;
    private EmailSender sender;

    @BeforeEach
    void setUp() {
        redis = TestRedis.client().connect(RedisCodecs.STRING_BYTES);
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        // no SMTP server listens there
        mail.setHost("127.0.0.1");
        mail.setPort(LocalRedisServer.freePort());
        sender = new EmailSender(mail, redis, "Voluntree <no-reply@voluntree.invalid>");
    }

    @AfterEach
    void tearDown() {
        redis.close();
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

    private static byte[] job(String to) {
        return Json.write(new EmailJob("test:" + UUID.randomUUID(), 1, to, "Your code", "Your code is 123456."));
    }
}
