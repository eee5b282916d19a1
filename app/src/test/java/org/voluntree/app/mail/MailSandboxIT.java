package org.voluntree.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.testing.TestRedis;

/** The mail sandbox's reader, {@code GET /api/sandbox/mail}: each organisation's admins read its mails only. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "voluntree.mail.sandbox.enabled=true")
@Import(OrganisationFixture.class)
@DirtiesContext
class MailSandboxIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JavaMailSender mail;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    @Test
    void anAdminReadsOnlyTheMailsOfTheirOwnOrganisation() {
        TestRedis.flush();
        fixture.deleteAllOrganisations();
        long riverside = fixture.organisation("Riverside", "100000000000311");
        long hillside = fixture.organisation("Hillside", "100000000000322");
        fixture.admin(riverside, "owner@a.example", "password-owner-a", "owner");
        fixture.admin(riverside, "viewer@a.example", "password-viewer-a", "viewer");
        fixture.admin(hillside, "owner@b.example", "password-owner-b", "owner");
        // what the workers do with the PIN mails the Messenger dialog queues
        EmailSender sender = new EmailSender(mail, redis, "Voluntree <no-reply@voluntree.invalid>");
        sender.handle(
                Json.write(new EmailJob("pin-a", riverside, "maya@example.org", "Your code", "Your code is 111111")));
        sender.handle(
                Json.write(new EmailJob("pin-b", hillside, "sam@example.net", "Your code", "Your code is 222222")));
        ApiClient ownerA = ApiClient.logIn(port, "owner@a.example", "password-owner-a");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ownerA.get("/api/sandbox/mail").body().contains("111111"));

        assertThat(ownerA.get("/api/sandbox/mail").body())
                .contains("maya@example.org", "111111")
                .doesNotContain("sam@example.net", "222222");
        assertThat(ApiClient.logIn(port, "owner@b.example", "password-owner-b")
                        .get("/api/sandbox/mail")
                        .body())
                .contains("sam@example.net", "222222")
                .doesNotContain("maya@example.org", "111111");
        // viewers read the inbox, where the address a person types in Messenger shows: the same rule here
        assertThat(ApiClient.logIn(port, "viewer@a.example", "password-viewer-a")
                        .get("/api/sandbox/mail")
                        .body())
                .contains("maya@example.org")
                .doesNotContain("sam@example.net");
    }
}
