package org.voluntree.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.AdminApi;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.SandboxClient;
import org.voluntree.app.testing.SandboxClient.SandboxPage;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.testing.TestSmtpServer;
import org.voluntree.contracts.dead.DeadLetter;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.redis.RedisNames;

/**
 * The PIN e-mail of the Messenger signup dialog sent to a real SMTP conversation that refuses a recipient
 * ({@link TestSmtpServer}, where the app's mail goes instead of the mail sandbox): a refusal for good
 * ({@code 550}) is not retried and the person is told in Messenger and asked for another address; a
 * deferral ({@code 451}) is retried, and told the same way only once the retries run out. The whole pipeline
 * runs, as in {@link MessengerSignupEndToEndIT}: signed webhooks, classification, the reply and mail workers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "voluntree.facebook.sandbox.enabled=true",
            "voluntree.facebook.sandbox.calls-per-window=100000",
            "voluntree.mail.sandbox.enabled=false",
            "voluntree.gear.max-wait=20ms",
            "voluntree.writer.max-wait=20ms",
            "voluntree.queue.retry-backoff=200ms",
            "voluntree.queue.max-attempts=5"
        })
@Import(OrganisationFixture.class)
@DirtiesContext
class UndeliveredPinEndToEndIT {

    private static final TestSmtpServer SMTP = TestSmtpServer.start();
    private static final AtomicLong PAGE_IDS = new AtomicLong(100000000000950L);
    private static final AtomicLong PEOPLE = new AtomicLong(2000000000950L);
    private static final String ADMIN = "ana@riverside.example";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern PIN = Pattern.compile("\\b(\\d{6})\\b");
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers,gear,scheduler");
        // the app's mail goes to the server that refuses, not to a mail sandbox
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    SandboxClient sandbox;
    long organisationId;
    SandboxPage page;

    @BeforeEach
    void setUp() {
        logs.start();
        root.addAppender(logs);
        fixture.deleteAllOrganisations();
        organisationId = fixture.organisation("Riverside Food Bank");
        fixture.admin(organisationId, ADMIN, PASSWORD, "owner");
        AdminApi api = new AdminApi(port, ADMIN, PASSWORD);
        sandbox = new SandboxClient(port);
        page = sandbox.createPage(Long.toString(PAGE_IDS.incrementAndGet()), "Riverside Food Bank");
        api.connect(page);
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        api.post(
                "/api/signups",
                Map.of(
                        "title",
                        "Saturday food sort",
                        "slots",
                        List.of(Map.of(
                                "startsAt",
                                day.toString(),
                                "endsAt",
                                day.plus(3, ChronoUnit.HOURS).toString(),
                                "label",
                                "Morning shift",
                                "required",
                                3))),
                201);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
        logs.stop();
    }

    @Test
    void anAddressTheServerRefusesForGoodIsTriedOnceThePersonIsAskedForAnotherAndThatOneGetsTheCode() {
        String psid = person();
        String refused = "nobody." + psid + "@example.org";
        String good = "maya." + psid + "@example.org";
        SMTP.refuse(refused, "550 5.1.1 <" + refused + ">: Recipient address rejected: User unknown");

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|");
        assertThat(botText(psid, 1)).contains("type your email address");
        sandbox.message(page.id(), psid, refused);

        // the notice may follow the answer within a millisecond: both are read once both were sent
        botText(psid, 3);
        assertThat(botTexts(psid))
                .endsWith(
                        "We've emailed a 6-digit code to " + refused + ". Please type it here.",
                        "Sorry, we couldn't deliver the code to " + refused + ". Please type another email address.");
        DeadLetter dead = deadMailTo(refused);
        assertThat(dead.attempts()).as("given up at the first refusal").isEqualTo(1);
        assertThat(dead.error())
                .startsWith("PermanentFailure: the SMTP server refused the recipient for good: 550 5.1.1 ")
                .contains("User unknown")
                .doesNotContain(refused);
        assertThat(SMTP.recipientCommands(refused)).as("not retried").isEqualTo(1);
        assertThat(redis.sync().zcard(RedisNames.delayed(RedisNames.EMAIL_QUEUE)))
                .as("no retry waiting")
                .isZero();

        sandbox.message(page.id(), psid, good);
        assertThat(botText(psid, 4)).contains("emailed a 6-digit code to " + good);
        sandbox.message(page.id(), psid, pinMailedTo(good));
        assertThat(botText(psid, 5)).startsWith("Thanks, your email is confirmed!");
        assertThat(jdbc.queryForObject(
                        "select email from volunteers where organisation_id = ? and facebook_user_id = ?",
                        String.class,
                        organisationId,
                        psid))
                .isEqualTo(good);
        assertThat(SMTP.recipientCommands(refused)).isEqualTo(1);
        assertThat(logsNaming(refused)).as("the refused address in no log line").isEmpty();
    }

    @Test
    void anAddressTheServerDefersIsRetriedAndItsCodeArrivesWhenTheServerTakesIt() {
        String psid = person();
        String deferred = "greylisted." + psid + "@example.org";
        SMTP.refuse(deferred, "451 4.7.1 <" + deferred + ">: Recipient address rejected: greylisted", 2);

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|");
        assertThat(botText(psid, 1)).contains("type your email address");
        sandbox.message(page.id(), psid, deferred);
        assertThat(botText(psid, 2)).contains("emailed a 6-digit code to " + deferred);

        String pin = pinMailedTo(deferred);
        assertThat(SMTP.recipientCommands(deferred))
                .as("twice deferred, then taken")
                .isEqualTo(3);
        sandbox.message(page.id(), psid, pin);
        assertThat(botText(psid, 3)).startsWith("Thanks, your email is confirmed!");
        assertThat(deadMailsTo(deferred)).isEmpty();
        assertThat(logsNaming(deferred)).isEmpty();
    }

    @Test
    void anAddressTheServerDefersUntilTheRetriesRunOutIsToldLikeARefusedOne() {
        String psid = person();
        String deferred = "full." + psid + "@example.org";
        SMTP.refuse(deferred, "451 4.2.2 <" + deferred + ">: mailbox over quota, try again later");

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|");
        assertThat(botText(psid, 1)).contains("type your email address");
        sandbox.message(page.id(), psid, deferred);
        assertThat(botText(psid, 2)).contains("emailed a 6-digit code to " + deferred);

        // five attempts, 200 ms, 400 ms, 800 ms and 1.6 s apart
        assertThat(botText(psid, 3)).startsWith("Sorry, we couldn't deliver the code to " + deferred + ".");
        assertThat(SMTP.recipientCommands(deferred))
                .as("every attempt the queue makes")
                .isEqualTo(5);
        DeadLetter dead = deadMailTo(deferred);
        assertThat(dead.attempts()).isEqualTo(5);
        assertThat(dead.error()).contains("451 4.2.2").doesNotContain(deferred);
        assertThat(logsNaming(deferred)).isEmpty();
    }

    // -----------------------------------------------------------------------------------------------------

    private static String person() {
        return Long.toString(PEOPLE.incrementAndGet());
    }

    /** The text of the bot's {@code n}th message to the person (1-based), once sent; fails if more were sent. */
    private String botText(String psid, int n) {
        return SandboxClient.textOf(sandbox.nthMessage(page.id(), psid, n, PIPELINE));
    }

    /** The texts of the bot's messages to the person so far, oldest first. */
    private List<String> botTexts(String psid) {
        return sandbox.messages(page.id(), psid).stream()
                .map(SandboxClient::textOf)
                .toList();
    }

    /** The PIN in the mail the server took for the address, once it arrived. */
    private static String pinMailedTo(String address) {
        await("the PIN mail to " + address)
                .atMost(PIPELINE)
                .until(() -> !SMTP.receivedBy(address).isEmpty());
        List<MimeMessage> mails = SMTP.receivedBy(address);
        assertThat(mails).hasSize(1);
        try {
            assertThat(mails.get(0).getSubject()).isEqualTo("Your code for Riverside Food Bank");
            Matcher pin = PIN.matcher(mails.get(0).getContent().toString());
            assertThat(pin.find()).as("a 6-digit code in the mail").isTrue();
            return pin.group(1);
        } catch (Exception e) {
            throw new AssertionError("unreadable mail to " + address, e);
        }
    }

    /** The {@code s:dead} entry of the e-mail job to the address, once the queue gave up on it. */
    private DeadLetter deadMailTo(String address) {
        await("the mail to " + address + " in s:dead")
                .atMost(PIPELINE)
                .until(() -> !deadMailsTo(address).isEmpty());
        List<DeadLetter> dead = deadMailsTo(address);
        assertThat(dead).hasSize(1);
        return dead.get(0);
    }

    private List<DeadLetter> deadMailsTo(String address) {
        return new DeadLetters(redis.sync())
                .list(100_000).stream()
                        .filter(letter -> RedisNames.EMAIL_QUEUE.equals(letter.source()))
                        .filter(letter -> new String(letter.payload(), StandardCharsets.UTF_8).contains(address))
                        .toList();
    }

    /** The lines logged since the test began (at any level, with their exceptions) that contain the text. */
    private List<String> logsNaming(String text) {
        List<ILoggingEvent> events;
        synchronized (logs) {
            events = new ArrayList<>(logs.list);
        }
        List<String> naming = new ArrayList<>();
        for (ILoggingEvent event : events) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" / ").append(t.getMessage());
            }
            if (line.toString().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                naming.add(event.getLevel() + " " + event.getLoggerName() + ": " + line);
            }
        }
        return naming;
    }
}
