package org.voluntree.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.reply.MessageToAnswer;
import org.voluntree.app.testing.AdminApi;
import org.voluntree.app.testing.AdminSession;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.SandboxClient;
import org.voluntree.app.testing.SandboxClient.SandboxPage;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.dead.DeadLetters;
import org.voluntree.contracts.event.EventKind;
import org.voluntree.contracts.event.InboundEvent;
import org.voluntree.contracts.event.Json;
import org.voluntree.contracts.redis.RedisNames;
import tools.jackson.databind.JsonNode;

/**
 * The Messenger signup dialog through the whole real pipeline — every message a person sends is a signed
 * webhook that is featurised, classified by the bundled models, stored and answered by the reply workers —
 * with the bot's answers sent into this app's Facebook sandbox and the PIN emails into its mail sandbox.
 * Each step waits for the bot's answer before the person types the next message, as a person would.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "voluntree.facebook.sandbox.enabled=true",
            "voluntree.facebook.sandbox.calls-per-window=100000",
            "voluntree.mail.sandbox.enabled=true",
            "voluntree.gear.max-wait=20ms",
            "voluntree.writer.max-wait=20ms",
            "voluntree.queue.retry-backoff=200ms",
            // a rate limit forced on a page pauses its calls this long, not a minute
            "voluntree.facebook.usage-pause=2s"
        })
@Import(OrganisationFixture.class)
@DirtiesContext
class MessengerSignupEndToEndIT {

    private static final AtomicLong PAGE_IDS = new AtomicLong(100000000000800L);
    private static final AtomicLong PEOPLE = new AtomicLong(2000000000800L);
    private static final String ADMIN = "ana@riverside.example";
    private static final String PASSWORD = "correct horse battery";
    /** Read as {@code volunteer} and offense {@code neither} by the bundled models (see FacebookRepliesEndToEndIT). */
    private static final String VOLUNTEERING = "I can help on Saturday";
    /** Read by the bundled sentiment model with a score far above the 0.8 from which a colour is shown. */
    private static final String HEARTFELT = "thank you so much, you are all wonderful, I love it!";

    private static final Pattern PIN = Pattern.compile("\\b(\\d{6})\\b");
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers,gear,scheduler");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    SandboxClient sandbox;
    AdminApi api;
    long organisationId;
    SandboxPage page;
    String postId;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        organisationId = fixture.organisation("Riverside Food Bank");
        fixture.admin(organisationId, ADMIN, PASSWORD, "owner");
        api = new AdminApi(port, ADMIN, PASSWORD);
        sandbox = new SandboxClient(port);
        page = sandbox.createPage(Long.toString(PAGE_IDS.incrementAndGet()), "Riverside Food Bank");
        api.connect(page);
        postId = sandbox.publishPost(page, "We need volunteers for Saturday's food sort. Comment to sign up!");
    }

    @Test
    void aCommenterSignsUpInMessengerWithAVerifiedEmailAndASlot() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode signup = api.post(
                "/api/signups",
                Map.of(
                        "title",
                        "Saturday food sort",
                        "description",
                        "Sorting donations for 300 families",
                        "slots",
                        List.of(
                                slot(day, "Morning shift", 1),
                                slot(day.plus(1, ChronoUnit.DAYS), "Afternoon shift", 5))),
                201);
        long morning = slotId(signup, 0);
        assertThat(signup.path("slots").get(0).path("label").asString()).isEqualTo("Morning shift");
        String psid = person();

        String commentId = SandboxClient.commentId(sandbox.comment(page.id(), postId, psid, "Maya Cruz", VOLUNTEERING));
        JsonNode offer = botMessage(psid, 1);
        assertThat(offer.path("commentId").asString())
                .as("the private reply to the comment")
                .isEqualTo(commentId);
        JsonNode buttons =
                offer.path("message").path("attachment").path("payload").path("buttons");
        assertThat(buttons.get(0).path("payload").asString()).isEqualTo("SIGNUP_YES|" + postId + "|" + commentId);

        String accepted = buttons.get(0).path("title").asString();
        sandbox.postback(
                page.id(), psid, accepted, buttons.get(0).path("payload").asString());
        assertThat(text(botMessage(psid, 2))).contains("Saturday food sort").contains("type your email address");

        sandbox.message(page.id(), psid, "Maya@Example.org");
        assertThat(text(botMessage(psid, 3))).contains("emailed a 6-digit code to maya@example.org");
        String firstPin = pinEmailed("maya@example.org", 1);

        String wrong = wrongPin(firstPin);
        sandbox.message(page.id(), psid, wrong);
        assertThat(text(botMessage(psid, 4))).isEqualTo("That code doesn't match. 2 attempts left.");
        sandbox.message(page.id(), psid, wrong);
        assertThat(text(botMessage(psid, 5))).isEqualTo("That code doesn't match. 1 attempt left.");
        sandbox.message(page.id(), psid, "my code is " + wrong);
        assertThat(text(botMessage(psid, 6))).startsWith("Too many wrong codes.");

        sandbox.message(page.id(), psid, "maya@example.org");
        assertThat(text(botMessage(psid, 7))).contains("emailed a 6-digit code to maya@example.org");
        String secondPin = pinEmailed("maya@example.org", 2);

        sandbox.message(page.id(), psid, secondPin);
        JsonNode slots = botMessage(psid, 8);
        assertThat(text(slots))
                .startsWith("Thanks, your email is confirmed!")
                .contains("(Morning shift) — 1 left")
                .contains("(Afternoon shift) — 5 left");
        List<String> choices = new ArrayList<>();
        slots.path("message")
                .path("quick_replies")
                .forEach(reply -> choices.add(reply.path("payload").asString()));
        assertThat(choices).contains("SLOT|" + morning, "SLOTS_DONE");

        sandbox.quickReply(page.id(), psid, "#1", "SLOT|" + morning);
        assertThat(text(botMessage(psid, 9))).startsWith("You're in!").contains("(Morning shift) — full");

        sandbox.quickReply(page.id(), psid, "Done", "SLOTS_DONE");
        assertThat(text(botMessage(psid, 10)))
                .startsWith("Thank you! You're signed up for Saturday food sort:")
                .contains("Morning shift")
                .doesNotContain("Afternoon shift");

        Map<String, Object> volunteer = jdbc.queryForMap("""
                select id, email, email_verified_at from volunteers where organisation_id = ? and facebook_user_id = ?
                """, organisationId, psid);
        assertThat(volunteer.get("email")).isEqualTo("maya@example.org");
        assertThat(volunteer.get("email_verified_at")).isNotNull();
        assertThat(jdbc.queryForList(
                        "select slot_id from slot_assignments where volunteer_id = ?", Long.class, volunteer.get("id")))
                .containsExactly(morning);
        assertThat(api.get("/api/signups/" + signup.path("id").asLong())
                        .path("slots")
                        .get(0)
                        .path("confirmed")
                        .asInt())
                .isEqualTo(1);
        assertThat(mailsTo("maya@example.org")).as("one PIN per email typed").hasSize(2);
        assertThat(sandbox.messages(page.id(), psid))
                .as("nothing else was sent")
                .hasSize(10);

        JsonNode overview = api.get("/api/overview");
        assertThat(overview.path("slotSignups").asLong())
                .as("places taken this week")
                .isEqualTo(1);
        assertThat(overview.path("activeSignups").asLong()).isEqualTo(1);
        JsonNode latest = overview.path("recentSignups").get(0);
        assertThat(latest.path("slotId").asLong()).isEqualTo(morning);
        assertThat(latest.path("title").asString()).isEqualTo("Saturday food sort");
        assertThat(latest.path("volunteerId").asLong()).isEqualTo(((Number) volunteer.get("id")).longValue());

        JsonNode detail = api.get("/api/volunteers/" + volunteer.get("id"));
        assertThat(detail.path("signups")
                        .valueStream()
                        .map(n -> n.path("slotId").asLong()))
                .containsExactly(morning);
        assertThat(detail.path("replies")
                        .valueStream()
                        .map(r -> r.path("kind").asString() + ":"
                                + r.path("status").asString()))
                .as("the public reply and the private offer under the comment, then the dialog's messages")
                .contains("public:sent", "private:sent")
                .hasSizeGreaterThanOrEqualTo(3);

        assertThat(jdbc.queryForObject("""
                select count(*) from classifications c join messages m on m.id = c.message_id
                 where m.organisation_id = ? and m.author_id = ? and m.text = ? and c.analyzer = 'sentiment'
                """, Long.class, organisationId, psid, secondPin))
                .as("the PIN was classified like any message")
                .isEqualTo(1);
        JsonNode thread = api.get("/api/inbox/" + page.id() + "/" + psid);
        List<String> answers = new ArrayList<>();
        thread.path("entries").forEach(entry -> {
            if (entry.path("from").asString().equals("person")
                    && !entry.path("text").asString().equals(accepted)) {
                answers.add(entry.path("text").asString() + " -> "
                        + entry.path("sentiment").asString("none"));
            }
        });
        assertThat(answers)
                .as("e-mail addresses, PINs and slot choices are answers, not opinions: no sentiment shown")
                .containsExactly(
                        "Maya@Example.org -> none",
                        wrong + " -> none",
                        wrong + " -> none",
                        "my code is " + wrong + " -> none",
                        "maya@example.org -> none",
                        secondPin + " -> none",
                        "#1 -> none",
                        "Done -> none");
    }

    @Test
    void anAddressThatCannotBeMailedIsAskedForAgainAndNoMailIsQueuedForIt() {
        signupOfOneSlot();
        String psid = person();
        String address = "dave." + psid + "@example.org";

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("type your email address");
        List<String> unmailable = List.of("mailto:" + address, address + ".", "d".repeat(300) + "@example.org");
        int n = 1;
        for (String typed : unmailable) {
            sandbox.message(page.id(), psid, typed);
            assertThat(text(botMessage(psid, ++n))).as(typed).startsWith("That doesn't look like an email address.");
        }

        sandbox.message(page.id(), psid, address);
        assertThat(text(botMessage(psid, 5))).contains("emailed a 6-digit code to " + address);
        sandbox.message(page.id(), psid, pinEmailed(address, 1));
        assertThat(text(botMessage(psid, 6))).startsWith("Thanks, your email is confirmed!");
        assertThat(mailsTo(psid))
                .extracting(mail -> mail.path("to").get(0).asString())
                .as("the one address that can be mailed")
                .containsExactly(address);
        assertThat(deadEmailJobs()).as("no e-mail job given up on").isEmpty();
    }

    @Test
    void aPersonGetsAtMostThreeCodesAnHourWhateverTheAddressesAndARefusedOneKeepsTheLatestCodeAndItsAttempts() {
        signupOfOneSlot();
        String psid = person();
        String first = "first." + psid + "@example.org";
        String third = "third." + psid + "@example.org";
        String fourth = "fourth." + psid + "@example.org";

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("type your email address");
        sandbox.message(page.id(), psid, first);
        assertThat(text(botMessage(psid, 2))).contains("emailed a 6-digit code to " + first);
        sandbox.message(page.id(), psid, first);
        assertThat(text(botMessage(psid, 3))).contains("emailed a 6-digit code to " + first);
        sandbox.message(page.id(), psid, third);
        assertThat(text(botMessage(psid, 4))).contains("emailed a 6-digit code to " + third);
        String latest = pinEmailed(third, 1);
        sandbox.message(page.id(), psid, wrongPin(latest));
        assertThat(text(botMessage(psid, 5))).isEqualTo("That code doesn't match. 2 attempts left.");

        sandbox.message(page.id(), psid, fourth);
        assertThat(text(botMessage(psid, 6)))
                .startsWith("We've sent you several codes already; please use the latest one, sent to " + third
                        + ", or try again in ")
                .containsPattern("try again in (an hour|\\d+ minutes)\\.$");
        sandbox.message(page.id(), psid, wrongPin(latest));
        assertThat(text(botMessage(psid, 7)))
                .as("the refused request gave back no attempt")
                .isEqualTo("That code doesn't match. 1 attempt left.");
        sandbox.message(page.id(), psid, latest);
        assertThat(text(botMessage(psid, 8))).startsWith("Thanks, your email is confirmed!");
        assertThat(jdbc.queryForObject(
                        "select email from volunteers where organisation_id = ? and facebook_user_id = ?",
                        String.class,
                        organisationId,
                        psid))
                .isEqualTo(third);
        assertThat(mailsTo(first)).hasSize(2);
        assertThat(mailsTo(third)).hasSize(1);
        assertThat(mailsTo(fourth)).as("no fourth code").isEmpty();
        assertThat(redis.sync().pttl(RedisNames.conversation("pin-emails", page.id(), psid)))
                .as("the count lapses within the hour")
                .isBetween(1L, Duration.ofHours(1).toMillis());
    }

    @Test
    void anAddressWhoseJobIsHandledAgainMailsOneCodeAndTheDialogExpectsThatOne() {
        signupOfOneSlot();
        String psid = person();
        String address = "again." + psid + "@example.org";
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("type your email address");
        sandbox.message(page.id(), psid, address);
        assertThat(text(botMessage(psid, 2))).contains("emailed a 6-digit code to " + address);
        String mailed = pinEmailed(address, 1);
        String dialogKey = RedisNames.conversation("dialog", page.id(), psid);
        String saltBefore = Json.MAPPER
                .readTree(redis.sync().get(dialogKey))
                .path("pinSalt")
                .asString();

        // the worker died after queueing the mail, before acknowledging the job: it is handled again
        redis.sync().lpush(RedisNames.REPLY_QUEUE, Json.write(jobOf(psid, address, null)));
        await("the job handled again (the dialog saved anew)")
                .atMost(PIPELINE)
                .until(() -> !saltBefore.equals(Json.MAPPER
                        .readTree(redis.sync().get(dialogKey))
                        .path("pinSalt")
                        .asString()));

        assertThat(mailsTo(address)).as("one mail, as the job is one request").hasSize(1);
        assertThat(redis.sync().zcard(RedisNames.conversation("pin-emails", page.id(), psid)))
                .as("counted once")
                .isEqualTo(1);
        sandbox.message(page.id(), psid, mailed);
        assertThat(text(botMessage(psid, 3)))
                .as("the code mailed is the one expected")
                .startsWith("Thanks, your email is confirmed!");
    }

    @Test
    void aNoticeOfAKindThisVersionDoesNotKnowIsRetriedAndKeptRatherThanSkipped() {
        String psid = person();
        sandbox.message(page.id(), psid, "hello there");
        await("the message stored")
                .atMost(PIPELINE)
                .until(() ->
                        jdbc.queryForObject("select count(*) from messages where author_id = ?", Integer.class, psid)
                                == 1);

        // queued by a newer version during a rolling deploy
        redis.sync()
                .lpush(RedisNames.REPLY_QUEUE, Json.write(jobOf(psid, "hello there", "slot_swapped|17|1700000000")));

        await("retried, then kept in s:dead for a replay")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(new DeadLetters(redis.sync()).list(100))
                        .filteredOn(letter -> RedisNames.REPLY_QUEUE.equals(letter.source()))
                        .anySatisfy(letter -> {
                            assertThat(letter.error())
                                    .contains("a notice of a kind this version does not know (slot_swapped)");
                            assertThat(letter.attempts()).isGreaterThan(1);
                        }));
        assertThat(jdbc.queryForList(
                        "select status from replies where target_id like ?", String.class, "%#slot_swapped%"))
                .as("nothing recorded as skipped, so a newer node's answer is not held back")
                .isEmpty();
    }

    @Test
    void aCodeTypedWithSpacesOrDashesIsReadAndAMessageWithoutACodeUsesNoAttempt() {
        signupOfOneSlot();
        String psid = person();
        String address = "spaced." + psid + "@example.org";

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("type your email address");
        sandbox.message(page.id(), psid, address);
        assertThat(text(botMessage(psid, 2))).contains("emailed a 6-digit code to " + address);
        String pin = pinEmailed(address, 1);
        int n = 2;
        for (String notACode : List.of("abc", "70274", "when is it?")) {
            sandbox.message(page.id(), psid, notACode);
            assertThat(text(botMessage(psid, ++n)))
                    .as(notACode)
                    .startsWith("Please type the 6-digit code we emailed to " + address + ".");
        }
        String wrong = wrongPin(pin);
        sandbox.message(page.id(), psid, wrong.substring(0, 3) + " " + wrong.substring(3));
        assertThat(text(botMessage(psid, 6)))
                .as("only a wrong code uses an attempt")
                .isEqualTo("That code doesn't match. 2 attempts left.");
        sandbox.message(page.id(), psid, "it's " + pin.substring(0, 3) + "-" + pin.substring(3));
        assertThat(text(botMessage(psid, 7))).startsWith("Thanks, your email is confirmed!");
    }

    @Test
    void whoeverAcceptsTheOfferUnderAnotherMessengerIdIsTheCommenterNotASecondVolunteer() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long slot = slotId(signup("Saturday food sort", slot(day, "Morning shift", 3)), 0);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String commenter = person();
        String psid = person();

        sandbox.comment(page.id(), postId, commenter, "Rosa Diaz", VOLUNTEERING);
        String accept = yesButtonOfTheOffer(commenter);
        // Facebook's Messenger id for Rosa is not the id she commented under
        sandbox.postback(page.id(), psid, "Yes, sign me up", accept);
        assertThat(text(botMessage(psid, 1))).contains("Morning shift");
        sandbox.quickReply(page.id(), psid, "#1", "SLOT|" + slot);
        assertThat(text(botMessage(psid, 2))).startsWith("You're in!");

        long rosa = jdbc.queryForObject(
                "select id from volunteers where organisation_id = ? and facebook_user_id = ?",
                Long.class,
                organisationId,
                commenter);
        assertThat(jdbc.queryForObject(
                        "select merged_into from volunteers where organisation_id = ? and facebook_user_id = ?",
                        Long.class,
                        organisationId,
                        psid))
                .as("her Messenger id joins the commenter")
                .isEqualTo(rosa);
        assertThat(jdbc.queryForList("select volunteer_id from slot_assignments where slot_id = ?", Long.class, slot))
                .containsExactly(rosa);
        JsonNode volunteers = api.get("/api/volunteers");
        assertThat(volunteers.path("total").asLong()).as("one person, not two").isEqualTo(1);
        assertThat(volunteers
                        .path("items")
                        .get(0)
                        .path("facebookUserIds")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder(commenter, psid);
        assertThat(api.get("/api/inbox")
                        .valueStream()
                        .filter(c -> psid.equals(c.path("psid").asString()))
                        .map(c -> c.path("name").asString()))
                .as("Messenger events carry no name: the commenter's is shown")
                .containsExactly("Rosa Diaz");
    }

    @Test
    void someoneWhoCommentedThenSignedUpInMessengerIsErasedWhenTheyAskUnderTheirMessengerId() throws Exception {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode signup = signup("Saturday food sort", slot(day, "Morning shift", 3));
        long signupId = signup.path("id").asLong();
        long slot = slotId(signup, 0);
        // an address of her own: the mail sandbox is shared by this class's tests
        String commenter = person();
        String psid = person();

        sandbox.comment(page.id(), postId, commenter, "Maya Cruz", VOLUNTEERING);
        String accept = yesButtonOfTheOffer(commenter);
        sandbox.postback(page.id(), psid, "Yes, sign me up", accept);
        assertThat(text(botMessage(psid, 1))).contains("type your email address");
        sandbox.message(page.id(), psid, "Cruz.Maya@Example.net");
        assertThat(text(botMessage(psid, 2))).contains("cruz.maya@example.net");
        sandbox.message(page.id(), psid, pinEmailed("cruz.maya@example.net", 1));
        assertThat(text(botMessage(psid, 3))).startsWith("Thanks, your email is confirmed!");
        sandbox.quickReply(page.id(), psid, "#1", "SLOT|" + slot);
        assertThat(text(botMessage(psid, 4))).startsWith("You're in!");
        assertThat(api.get("/api/signups/" + signupId + "/volunteers").toString())
                .contains("Maya Cruz");
        int messages = jdbc.queryForObject(
                "select count(*) from messages where organisation_id = ? and author_id in (?, ?)",
                Integer.class,
                organisationId,
                commenter,
                psid);

        JsonNode status = dataDeletion(psid);

        assertThat(jdbc.queryForObject(
                        "select count(*) from volunteers where organisation_id = ? and email is not null",
                        Integer.class,
                        organisationId))
                .as("the e-mail she verified in Messenger, kept on the commenter she was merged into")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from messages where lower(text) like '%cruz.maya@example.net%'",
                        Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from replies where lower(text) like '%cruz.maya@example.net%'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForList("select volunteer_id from slot_assignments where slot_id = ?", Long.class, slot))
                .as("her place is free again")
                .isEmpty();
        assertThat(api.get("/api/signups/" + signupId + "/volunteers").toString())
                .doesNotContain("Maya Cruz");
        assertThat(api.get("/api/volunteers").path("total").asLong()).isZero();
        assertThat(redis.sync().keys(RedisNames.conversation("*", "*", psid))).isEmpty();
        assertThat(status.path("status").asString()).isEqualTo("completed");
        assertThat(status.path("messagesDeleted").asInt())
                .as("her comment and her Messenger messages")
                .isEqualTo(messages);
        assertThat(status.path("volunteersDeleted").asInt())
                .as("the commenter and the Messenger id merged into it")
                .isEqualTo(2);
    }

    @Test
    void aHowToSignupCommenterWhoAcceptsTheOfferUnderTheSameIdIsAVolunteerWithTheirName() {
        signup("Saturday food sort", slot(Instant.now().plus(3, ChronoUnit.DAYS), "Morning shift", 3));
        String psid = person();

        String commentId = SandboxClient.commentId(
                sandbox.comment(page.id(), postId, psid, "Dan Brooks", "How do I sign up to volunteer?"));
        JsonNode offer = botMessage(psid, 1);
        assertThat(jdbc.queryForObject("""
                        select c.label from classifications c join messages m on m.id = c.message_id
                         where m.external_id = ? and c.analyzer = 'intent'
                        """, String.class, commentId))
                .as("a question, not an offer to help: the comment made no volunteer")
                .isEqualTo("how_to_signup");
        assertThat(jdbc.queryForObject(
                        "select count(*) from volunteers where organisation_id = ?", Integer.class, organisationId))
                .isZero();
        String accept = offer.path("message")
                .path("attachment")
                .path("payload")
                .path("buttons")
                .get(0)
                .path("payload")
                .asString();
        // the sandbox's Messenger id is the id the person commented under
        sandbox.postback(page.id(), psid, "Yes, sign me up", accept);
        assertThat(text(botMessage(psid, 2))).contains("type your email address");

        JsonNode found = api.get("/api/volunteers?q=" + psid);
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("name").asString(null))
                .as("the name the comment carried")
                .isEqualTo("Dan Brooks");
    }

    @Test
    void stopOptsThePersonOutOfEveryAutomaticMessage() {
        signup("Saturday food sort", slot(Instant.now().plus(3, ChronoUnit.DAYS), "Morning shift", 3));
        String psid = person();
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId);
        assertThat(text(botMessage(psid, 1))).contains("type your email address");

        sandbox.message(page.id(), psid, "STOP");
        assertThat(text(botMessage(psid, 2)))
                .isEqualTo("You won't get any more automatic messages from us. Write to us any time.");
        assertThat(jdbc.queryForObject(
                        "select count(*) from opt_outs where organisation_id = ? and facebook_user_id = ?",
                        Integer.class,
                        organisationId,
                        psid))
                .isEqualTo(1);

        String afterwards = SandboxClient.messageId(sandbox.message(page.id(), psid, "sam@example.org"));
        String yesAgain =
                SandboxClient.messageId(sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId));
        String comment = SandboxClient.commentId(sandbox.comment(page.id(), postId, psid, "Sam Lee", VOLUNTEERING));
        await("each is answered with nothing, and why").atMost(PIPELINE).untilAsserted(() -> {
            assertThat(reply(afterwards)).isEqualTo("skipped: the person opted out");
            assertThat(reply(yesAgain)).isEqualTo("skipped: the person opted out");
            assertThat(reply(comment)).isEqualTo("skipped: the person opted out");
        });
        assertThat(sandbox.messages(page.id(), psid)).hasSize(2);
        assertThat(sandbox.messages(page.id(), null))
                .noneMatch(m -> comment.equals(m.path("commentId").asString()));
        assertThat(sandbox.calls(comment, null)).as("no public reply either").isEmpty();
        assertThat(mailsTo("sam@example.org")).isEmpty();
    }

    @Test
    void anAdminWritingByHandPausesTheBotForThatPerson() {
        signup("Saturday food sort", slot(Instant.now().plus(3, ChronoUnit.DAYS), "Morning shift", 3));
        String psid = person();
        String other = person();
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId);
        assertThat(text(botMessage(psid, 1))).contains("type your email address");

        // Ana answers from the page's inbox; Facebook echoes her message to the webhook
        sandbox.echo(page.id(), psid, "Hi Sam, Ana here. I'll sign you up myself!");
        await("the bot notices the admin's message")
                .atMost(PIPELINE)
                .until(() -> redis.sync().exists(RedisNames.conversation("paused", page.id(), psid)) == 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from messages where author_id = ? or text like 'Hi Sam, Ana here%'",
                        Integer.class, page.id()))
                .as("the page's own message is no incoming message: not stored, counted or shown in the feed")
                .isZero();

        String typed = SandboxClient.messageId(sandbox.message(page.id(), psid, "sam@example.org"));
        await("the person's answer is left to the admin")
                .atMost(PIPELINE)
                .untilAsserted(
                        () -> assertThat(reply(typed)).isEqualTo("skipped: an admin is answering this conversation"));
        assertThat(sandbox.messages(page.id(), psid)).hasSize(1);
        assertThat(mailsTo("sam@example.org")).isEmpty();

        // only that person: someone else still gets the bot
        sandbox.postback(page.id(), other, "Yes, sign me up", "SIGNUP_YES|" + postId);
        assertThat(text(botMessage(other, 1))).contains("type your email address");
    }

    @Test
    void theLiveFeedShowsADialogAnswerUncolouredAsAReloadDoesWhileAnOrdinaryMessageKeepsItsColour() throws Exception {
        long slot = slotId(
                signup("Saturday food sort", slot(Instant.now().plus(3, ChronoUnit.DAYS), "Morning shift", 3)), 0);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        try (AdminSession dashboard = new AdminSession(port)) {
            assertThat(dashboard.logIn(ADMIN, PASSWORD)).isEqualTo(302);
            dashboard.connect();

            // someone who is in no dialog writes something heartfelt: an opinion, coloured live and on reload
            String ordinary = SandboxClient.messageId(sandbox.message(page.id(), person(), HEARTFELT));
            // someone else accepts the offer and picks the slot by typing its number, just as heartfelt
            String psid = person();
            sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId);
            assertThat(text(botMessage(psid, 1))).contains("Morning shift");
            String answer = SandboxClient.messageId(sandbox.message(page.id(), psid, "1 " + HEARTFELT));
            assertThat(text(botMessage(psid, 2))).startsWith("You're in!");
            assertThat(jdbc.queryForList("select slot_id from slot_assignments where slot_id = ?", Long.class, slot))
                    .as("the dialog took it as the slot choice")
                    .hasSize(1);

            JsonNode answerOnReload = inMessages(answer);
            assertThat(answerOnReload
                            .path("classifications")
                            .path("sentiment")
                            .path("score")
                            .asDouble())
                    .as("the model is sure of the answer's sentiment: it would be coloured were it an opinion")
                    .isGreaterThanOrEqualTo(0.8);
            assertThat(shown(answerOnReload))
                    .as("a reload shows the answer uncoloured")
                    .isEqualTo("neutral");
            JsonNode ordinaryOnReload = await("the opinion stored")
                    .atMost(PIPELINE)
                    .ignoreExceptions()
                    .until(() -> inMessages(ordinary), m -> !shown(m).isEmpty());
            assertThat(shown(ordinaryOnReload))
                    .as("a reload colours the opinion")
                    .isIn("positive", "negative");

            long answerId = answerOnReload.path("messageId").asLong();
            long ordinaryId = ordinaryOnReload.path("messageId").asLong();
            await("the live feed agrees with a reload").atMost(PIPELINE).untilAsserted(() -> {
                assertThat(liveSentiment(dashboard.received(), answerId))
                        .as("the answer in the live feed")
                        .isEqualTo("neutral");
                assertThat(liveSentiment(dashboard.received(), ordinaryId))
                        .as("the opinion in the live feed")
                        .isEqualTo(shown(ordinaryOnReload));
            });
            assertThat(dashboard.received())
                    .as("ids only: the dialog's event carries no text")
                    .filteredOn(event -> event.contains("\"type\":\"message.dialog_answer\""))
                    .isNotEmpty()
                    .noneMatch(event -> event.contains(HEARTFELT));
        }
    }

    @Test
    void aYesToThePostOfADisabledSignupWhenNoOtherEventHasPlacesSaysItIsClosedAndSignsThePersonUpForNothing() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long full = slotId(signup("Saturday food sort", slot(day, "morning sort", 1)), 0);
        fill(full);
        String cleanUpPost = disabledSignupPost("Sunday park clean-up", day.plus(1, ChronoUnit.DAYS));
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + cleanUpPost + "|");
        JsonNode answer = botMessage(psid, 1);
        assertThat(text(answer))
                .as("the event the person said yes to, named, and the full one not offered")
                .contains("Sunday park clean-up")
                .contains("no longer taking signups")
                .doesNotContain("Saturday food sort")
                .doesNotContain("Which");
        assertThat(answer.path("message").path("quick_replies")).isEmpty();
        assertThat(answer.path("message").path("attachment")).isEmpty();

        String typed = SandboxClient.messageId(sandbox.message(page.id(), psid, "1"));
        await("the number is no choice")
                .atMost(PIPELINE)
                .untilAsserted(() -> assertThat(reply(typed))
                        .isEqualTo("skipped: no dialog in progress; the inbox shows it to the admins"));
        assertThat(jdbc.queryForList("select count(*) from slot_assignments where slot_id = ?", Long.class, full))
                .as("only the place taken before")
                .containsExactly(1L);
        assertThat(sandbox.messages(page.id(), psid)).hasSize(1);
    }

    @Test
    void aYesToThePostOfADisabledSignupOffersTheOneOtherEventWithPlacesAndATapOnYesEntersIt() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long open = slotId(signup("Saturday food sort", slot(day, "morning sort", 3)), 0);
        fill(slotId(signup("Friday soup kitchen", slot(day.minus(1, ChronoUnit.DAYS), "soup", 1)), 0));
        long past = signup("Last week's bake sale", slot(day, "stall", 3))
                .path("id")
                .asLong();
        // the API takes no slot in the past: its dates pass
        jdbc.update(
                "update signup_slots set starts_at = starts_at - interval '10 days', ends_at = ends_at - interval"
                        + " '10 days' where signup_id = ?",
                past);
        long openId = jdbc.queryForObject("select signup_id from signup_slots where id = ?", Long.class, open);
        String cleanUpPost = disabledSignupPost("Sunday park clean-up", day.plus(1, ChronoUnit.DAYS));
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + cleanUpPost + "|");
        JsonNode offer = botMessage(psid, 1);
        assertThat(text(offer))
                .as("the closed event named, the one open event with places offered, the full and past ones not")
                .startsWith("Thank you for wanting to help! Sunday park clean-up is no longer taking signups.")
                .contains("Would you like to help with Saturday food sort (from ")
                .contains(" UTC) instead?")
                .doesNotContain("soup kitchen")
                .doesNotContain("bake sale");
        JsonNode buttons =
                offer.path("message").path("attachment").path("payload").path("buttons");
        assertThat(buttons.valueStream()
                        .map(b -> b.path("title").asString() + " "
                                + b.path("payload").asString()))
                .as("the Yes and No of the signup offer, Yes for the event offered")
                .containsExactly("Yes, sign me up SIGNUP|" + openId, "No, thanks SIGNUP_NO||");

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP|" + openId);
        assertThat(text(botMessage(psid, 2)))
                .startsWith("Great!")
                .contains("Which slot of Saturday food sort would you like?")
                .contains("(morning sort) — 3 left");
        sandbox.message(page.id(), psid, "1");
        assertThat(text(botMessage(psid, 3))).startsWith("You're in!").contains("(morning sort)");
        assertThat(booked(openId)).containsExactly(open);
    }

    @Test
    void anAnswerInADialogWhoseSignupWasDisabledMeanwhileIsOfferedTheOtherEventWithPlaces() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> cleanUp = Map.of("title", "Sunday park clean-up", "slots", List.of(slot(day, "litter", 3)));
        long cleanUpId = api.post("/api/signups", cleanUp, 201).path("id").asLong();
        String cleanUpPost = api.publishPost(page, cleanUpId, "Help us clean the park!", PIPELINE);
        long sortId = signup("Saturday food sort", slot(day.minus(1, ChronoUnit.DAYS), "morning sort", 3))
                .path("id")
                .asLong();
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + cleanUpPost + "|");
        assertThat(text(botMessage(psid, 1))).contains("Which slot of Sunday park clean-up would you like?");
        Map<String, Object> disabled = new HashMap<>(cleanUp);
        disabled.put("state", "disabled");
        api.put("/api/signups/" + cleanUpId, disabled, 200);

        sandbox.message(page.id(), psid, "1");

        assertThat(text(botMessage(psid, 2)))
                .startsWith("Thank you for wanting to help! Sunday park clean-up is no longer taking signups.")
                .contains("Would you like to help with Saturday food sort (from ");
        assertThat(booked(cleanUpId)).as("no place in the disabled event").isEmpty();
        sandbox.message(page.id(), psid, "yes please");
        assertThat(text(botMessage(psid, 3))).contains("Which slot of Saturday food sort would you like?");
        assertThat(booked(sortId))
                .as("nothing entered without their choice of slot")
                .isEmpty();
    }

    @Test
    void aNoToTheOtherEventOfferedForADisabledSignupEndsTheDialog() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long openId = signup("Saturday food sort", slot(day, "morning sort", 3))
                .path("id")
                .asLong();
        String cleanUpPost = disabledSignupPost("Sunday park clean-up", day.plus(1, ChronoUnit.DAYS));
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + cleanUpPost + "|");
        assertThat(text(botMessage(psid, 1))).contains("Would you like to help with Saturday food sort (from ");
        sandbox.postback(page.id(), psid, "No, thanks", "SIGNUP_NO||");

        assertThat(text(botMessage(psid, 2))).startsWith("No problem");
        assertThat(redis.sync().exists(RedisNames.conversation("dialog", page.id(), psid)))
                .as("no dialog left open")
                .isZero();
        assertThat(booked(openId)).isEmpty();
    }

    @Test
    void aYesTypedToTheOtherEventOfferedForADisabledSignupEntersItAsTheButtonDoes() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long open = slotId(signup("Saturday food sort", slot(day, "morning sort", 3)), 0);
        long openId = jdbc.queryForObject("select signup_id from signup_slots where id = ?", Long.class, open);
        String cleanUpPost = disabledSignupPost("Sunday park clean-up", day.plus(1, ChronoUnit.DAYS));
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + cleanUpPost + "|");
        assertThat(text(botMessage(psid, 1))).contains("Would you like to help with Saturday food sort (from ");
        sandbox.message(page.id(), psid, "yes please!");

        assertThat(text(botMessage(psid, 2)))
                .startsWith("Great!")
                .contains("Which slot of Saturday food sort would you like?");
        sandbox.message(page.id(), psid, "1");
        assertThat(text(botMessage(psid, 3))).startsWith("You're in!").contains("(morning sort)");
        assertThat(booked(openId)).containsExactly(open);
    }

    @Test
    void aNoTypedToTheWhichEventMenuEndsTheDialog() {
        Offered offered = aYesToADisabledSignupWhileTwoOthersTakeVolunteers();
        String psid = offered.psid();
        assertThat(text(botMessage(psid, 1))).contains("Which event would you like to help with?");
        sandbox.message(page.id(), psid, "no thanks, not this time");

        assertThat(text(botMessage(psid, 2))).startsWith("No problem");
        assertThat(redis.sync().exists(RedisNames.conversation("dialog", page.id(), psid)))
                .as("no dialog left open")
                .isZero();
        assertThat(booked(offered.later())).isEmpty();
        assertThat(booked(offered.sooner())).isEmpty();
    }

    @Test
    void aPickAndACancelWhoseAnswersFacebookRefusedForAMomentAreAnsweredAsTheyHappenedWhenRetried() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode sort = signup(
                "Saturday food sort",
                slot(day, "morning sort", 2),
                slot(day.plus(4, ChronoUnit.HOURS), "late sort", 2));
        long sortId = sort.path("id").asLong();
        long slotId = slotId(sort, 0);
        long lateSlotId = slotId(sort, 1);
        String postId = api.publishPost(page, sortId, "Help us sort food!", PIPELINE);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("Which slot of Saturday food sort would you like?");

        // the place is taken, then the answer saying so is refused (a rate limit): the retry finds the place
        // taken, by this very message, and still says they are in
        sandbox.rateLimit(page.id(), 32, 1, "POST", "/messages");
        sandbox.message(page.id(), psid, "1");
        assertThat(text(botMessage(psid, 2))).startsWith("You're in!");
        assertThat(booked(sortId)).containsExactly(slotId);

        sandbox.message(page.id(), psid, "I can't make it anymore");
        assertThat(text(botMessage(psid, 3)))
                .startsWith("Would you like to give up your place for Saturday food sort, ");
        // the same for the place given up
        sandbox.rateLimit(page.id(), 32, 1, "POST", "/messages");
        sandbox.postback(page.id(), psid, "Yes, cancel it", "CANCEL|" + slotId);
        assertThat(text(botMessage(psid, 4))).startsWith("Done: your place for Saturday food sort, ");
        assertThat(booked(sortId)).isEmpty();

        // and for a place given up by typing the answer, which ends the dialog the retry would have read it in (another
        // slot: the check for an answer already sent compares texts, and Facebook's times are whole seconds)
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 5))).contains("Which slot of Saturday food sort would you like?");
        sandbox.message(page.id(), psid, "2");
        assertThat(text(botMessage(psid, 6))).startsWith("You're in!").contains("(late sort)");
        assertThat(booked(sortId)).containsExactly(lateSlotId);
        sandbox.message(page.id(), psid, "cancel");
        assertThat(text(botMessage(psid, 7)))
                .startsWith("Would you like to give up your place for Saturday food sort, ");
        sandbox.rateLimit(page.id(), 32, 1, "POST", "/messages");
        sandbox.message(page.id(), psid, "yes");
        assertThat(text(botMessage(psid, 8)))
                .startsWith("Done: your place for Saturday food sort, ")
                .contains("(late sort)");
        assertThat(booked(sortId)).isEmpty();
        assertThat(sandbox.calls(page.id() + "/messages", "POST"))
                .filteredOn(call -> call.errorCode() != null)
                .as("the three answers Facebook refused")
                .hasSize(3);
    }

    @Test
    void aVolunteerWhoCannotComeAfterAllGivesUpTheirPlaceAndItIsFreeForSomeoneElse() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode sort = signup("Saturday food sort", slot(day, "morning sort", 1));
        long sortId = sort.path("id").asLong();
        long slotId = slotId(sort, 0);
        String postId = api.publishPost(page, sortId, "Help us sort food!", PIPELINE);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("Which slot of Saturday food sort would you like?");
        sandbox.message(page.id(), psid, "1");
        assertThat(text(botMessage(psid, 2))).startsWith("You're in!");
        sandbox.quickReply(page.id(), psid, "Done", "SLOTS_DONE");
        assertThat(text(botMessage(psid, 3))).contains("If you can't make it after all, write \"cancel\" here.");
        assertThat(booked(sortId)).containsExactly(slotId);

        sandbox.message(page.id(), psid, "So sorry, I can't make it anymore");
        JsonNode question = botMessage(psid, 4);
        assertThat(text(question))
                .startsWith("Would you like to give up your place for Saturday food sort, ")
                .contains("(morning sort)?");
        assertThat(question.path("message")
                        .path("attachment")
                        .path("payload")
                        .path("buttons")
                        .valueStream()
                        .map(b -> b.path("title").asString() + " "
                                + b.path("payload").asString()))
                .containsExactly("Yes, cancel it CANCEL|" + slotId, "No, keep it CANCEL_KEEP");
        assertThat(booked(sortId)).as("nothing given up before they say which").containsExactly(slotId);
        sandbox.postback(page.id(), psid, "Yes, cancel it", "CANCEL|" + slotId);

        assertThat(text(botMessage(psid, 5)))
                .startsWith("Done: your place for Saturday food sort, ")
                .endsWith("is free for someone else now. Thanks for letting us know!");
        assertThat(booked(sortId)).isEmpty();
        assertThat(api.get("/api/signups/" + sortId)
                        .path("slots")
                        .get(0)
                        .path("confirmed")
                        .asInt())
                .isZero();

        // the same button again, or another "cancel": nothing left to give up
        sandbox.postback(page.id(), psid, "Yes, cancel it", "CANCEL|" + slotId);
        assertThat(text(botMessage(psid, 6))).isEqualTo("You no longer have that place, so there's nothing to cancel.");
        sandbox.message(page.id(), psid, "cancel");
        assertThat(text(botMessage(psid, 7))).startsWith("You don't have a place at any of our upcoming events");

        // the place is free: someone else takes it
        String other = person();
        sandbox.postback(page.id(), other, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(other, 1))).contains("(morning sort) — 1 left");
    }

    @Test
    void aVolunteerIsToldInMessengerWhenAnAdminMovesTheirSlotOrGivesTheirPlaceUp() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode sort = signup(
                "Saturday food sort",
                slot(day, "morning sort", 3),
                slot(day.plus(5, ChronoUnit.HOURS), "afternoon", 3));
        long sortId = sort.path("id").asLong();
        long morning = slotId(sort, 0);
        long afternoon = slotId(sort, 1);
        String postId = api.publishPost(page, sortId, "Help us sort food!", PIPELINE);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("Which slot of Saturday food sort would you like?");
        sandbox.message(page.id(), psid, "1");
        assertThat(text(botMessage(psid, 2))).startsWith("You're in!");

        // the morning moves an hour later: she is told, inside the 24-hour window as a plain response
        api.put("/api/signups/" + sortId, edit(morning, day.plus(1, ChronoUnit.HOURS), afternoon, day), 200);
        JsonNode moved = botMessage(psid, 3);
        assertThat(text(moved))
                .startsWith("Update for Saturday food sort: your place has moved to ")
                .contains("(morning sort)")
                .endsWith("If you can't make it at the new time, write \"cancel\" here.");
        assertThat(moved.path("messagingType").asString()).isEqualTo("RESPONSE");

        // a day later, outside the window, with the tag for updates about an event she registered for
        redis.sync().del(RedisNames.conversation("window", page.id(), psid));
        api.put("/api/signups/" + sortId, edit(morning, day.plus(2, ChronoUnit.HOURS), afternoon, day), 200);
        JsonNode movedAgain = botMessage(psid, 4);
        assertThat(text(movedAgain)).startsWith("Update for Saturday food sort: your place has moved to ");
        assertThat(movedAgain.path("messagingType").asString()).isEqualTo("MESSAGE_TAG");
        assertThat(movedAgain.path("tag").asString()).isEqualTo("CONFIRMED_EVENT_UPDATE");

        // the admin gives her place up
        long volunteer =
                jdbc.queryForObject("select volunteer_id from slot_assignments where slot_id = ?", Long.class, morning);
        api.delete("/api/signups/" + sortId + "/slots/" + morning + "/volunteers/" + volunteer, 204);
        assertThat(text(botMessage(psid, 5)))
                .startsWith("Update for Saturday food sort: the organisers have cancelled your place, ")
                .contains("(morning sort)");
        assertThat(booked(sortId)).isEmpty();

        // she holds the afternoon, and the admin removes that slot with its places
        jdbc.update("insert into slot_assignments (slot_id, volunteer_id) values (?, ?)", afternoon, volunteer);
        Map<String, Object> first = new HashMap<>(slot(day.plus(2, ChronoUnit.HOURS), "morning sort", 3));
        first.put("id", morning);
        api.put(
                "/api/signups/" + sortId,
                Map.of("title", "Saturday food sort", "slots", List.of(first), "removeConfirmedVolunteers", true),
                200);
        assertThat(text(botMessage(psid, 6)))
                .startsWith("Update for Saturday food sort: the organisers have removed the slot you had a place in, ")
                .endsWith("If you'd like to help at another time, just tell us here.");
    }

    @Test
    void aVolunteerWhoAsksWhatTheySignedUpForIsToldTheirPlacesToComeAndTheDialogGoesOn() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode sort = signup("Saturday food sort", slot(day, "morning sort", 3));
        long sortId = sort.path("id").asLong();
        long morning = slotId(sort, 0);
        long soup = slotId(signup("Friday soup kitchen", slot(day.minus(1, ChronoUnit.DAYS), "soup", 3)), 0);
        long past = slotId(signup("Last week's litter pick", slot(day, "litter", 3)), 0);
        // over since last week (the API takes no slot in the past)
        jdbc.update(
                "update signup_slots set starts_at = starts_at - interval '10 days', ends_at = ends_at - interval"
                        + " '10 days' where id = ?",
                past);
        String postId = api.publishPost(page, sortId, "Help us sort food!", PIPELINE);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.message(page.id(), psid, "what did I sign up for?");
        assertThat(text(botMessage(psid, 1)))
                .as("nothing yet")
                .startsWith("You don't have a place at any of our upcoming events.");

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 2))).contains("Which slot of Saturday food sort would you like?");
        long volunteer = hold(psid, soup, past);

        sandbox.message(page.id(), psid, "Sorry, when is my shift again?");
        String places = text(botMessage(psid, 3));
        assertThat(places)
                .as("the places to come, soonest first; not the one that is over")
                .startsWith("Your place coming up:\n• Friday soup kitchen, ")
                .contains("(soup)")
                .doesNotContain("litter")
                .endsWith("If you can't make it, write \"cancel\" here.");

        // the slot menu she was answering is still hers: "1" takes its first slot
        sandbox.message(page.id(), psid, "1");
        assertThat(text(botMessage(psid, 4))).startsWith("You're in!");
        assertThat(places(volunteer)).containsExactlyInAnyOrder(morning, soup, past);
        sandbox.message(page.id(), psid, "my places");
        assertThat(text(botMessage(psid, 5)))
                .startsWith("Your places coming up:\n• Friday soup kitchen, ")
                .contains("\n• Saturday food sort, ")
                .endsWith("If you can't make one, write \"cancel\" here.");
    }

    @Test
    void anAdminsMessageToASignupsVolunteersReachesEachPersonWithAPlaceToComeOnceInMessenger() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode sort = signup(
                "Saturday food sort",
                slot(day, "morning sort", 3),
                slot(day.plus(5, ChronoUnit.HOURS), "afternoon", 3));
        long sortId = sort.path("id").asLong();
        long morning = slotId(sort, 0);
        long afternoon = slotId(sort, 1);
        long soup = slotId(signup("Friday soup kitchen", slot(day.minus(1, ChronoUnit.DAYS), "soup", 3)), 0);
        // Maya holds both Saturday slots; Sam opted out; Lee is only in the soup kitchen; Kim only
        // commented, so there is no Messenger conversation to write in
        String maya = person();
        String sam = person();
        String lee = person();
        String kim = person();
        sandbox.message(page.id(), maya, "my places");
        assertThat(text(botMessage(maya, 1))).startsWith("You don't have a place");
        sandbox.message(page.id(), sam, "stop");
        assertThat(text(botMessage(sam, 1))).startsWith("You won't get any more automatic messages");
        sandbox.message(page.id(), lee, "my places");
        assertThat(text(botMessage(lee, 1))).startsWith("You don't have a place");
        hold(maya, morning, afternoon);
        hold(sam, morning);
        hold(lee, soup);
        hold(kim, afternoon);
        redis.sync().del(RedisNames.conversation("window", page.id(), maya));

        JsonNode sent = api.post(
                "/api/signups/" + sortId + "/announcements",
                Map.of("text", "  Parking has moved to the back gate on Elm Street.\n"),
                201);

        assertThat(sent.path("reached").asInt())
                .as("one message for Maya's two places; nobody who opted out, holds no place there, or never wrote")
                .isEqualTo(1);
        assertThat(sent.path("holders").asInt())
                .as("Maya, Sam and Kim hold places to come")
                .isEqualTo(3);
        assertThat(sent.path("text").asString()).isEqualTo("Parking has moved to the back gate on Elm Street.");
        assertThat(sent.path("sentBy").asString()).isEqualTo(ADMIN);
        JsonNode message = botMessage(maya, 2);
        assertThat(text(message))
                .isEqualTo("A message from the organisers of Saturday food sort:\n\n"
                        + "Parking has moved to the back gate on Elm Street.");
        assertThat(message.path("messagingType").asString()).isEqualTo("MESSAGE_TAG");
        assertThat(message.path("tag").asString()).isEqualTo("CONFIRMED_EVENT_UPDATE");
        assertThat(api.get("/api/signups/" + sortId + "/announcements"))
                .singleElement()
                .satisfies(a -> assertThat(a.path("reached").asInt() + " of "
                                + a.path("holders").asInt())
                        .isEqualTo("1 of 3"));

        // once Maya has given her places up, the next message is not for her
        sandbox.message(page.id(), maya, "cancel");
        assertThat(text(botMessage(maya, 3))).startsWith("Which place would you like to give up?");
        sandbox.message(page.id(), maya, "1");
        assertThat(text(botMessage(maya, 4))).startsWith("Done: your place");
        sandbox.message(page.id(), maya, "cancel");
        assertThat(text(botMessage(maya, 5))).startsWith("Would you like to give up your place");
        sandbox.message(page.id(), maya, "yes");
        assertThat(text(botMessage(maya, 6))).startsWith("Done: your place");
        JsonNode gloves = api.post("/api/signups/" + sortId + "/announcements", Map.of("text", "Bring gloves!"), 201);
        assertThat(gloves.path("reached").asInt() + " of "
                        + gloves.path("holders").asInt())
                .isEqualTo("0 of 2");
    }

    /** Gives the person (a volunteer row created for them if need be) a place in each slot; returns the row. */
    private long hold(String psid, long... slots) {
        long volunteer = jdbc.queryForObject("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                values (?, ?, null, now())
                on conflict (organisation_id, facebook_user_id) do update set name = volunteers.name
                returning id
                """, Long.class, organisationId, psid);
        for (long slot : slots) {
            jdbc.update("insert into slot_assignments (slot_id, volunteer_id) values (?, ?)", slot, volunteer);
        }
        return volunteer;
    }

    @Test
    void someoneWithSeveralPlacesPicksTheOneToGiveUpAndANoKeepsThemAll() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long morning = slotId(signup("Saturday food sort", slot(day, "morning sort", 3)), 0);
        long evening = slotId(signup("Friday soup kitchen", slot(day.minus(1, ChronoUnit.DAYS), "soup", 3)), 0);
        String psid = person();
        long volunteer = jdbc.queryForObject("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                values (?, ?, 'Maya Cruz', now()) returning id
                """, Long.class, organisationId, psid);
        jdbc.update(
                "insert into slot_assignments (slot_id, volunteer_id) values (?, ?), (?, ?)",
                morning,
                volunteer,
                evening,
                volunteer);

        sandbox.message(page.id(), psid, "I need to cancel");
        JsonNode menu = botMessage(psid, 1);
        assertThat(text(menu))
                .startsWith("Which place would you like to give up?\n1) Friday soup kitchen, ")
                .contains("\n2) Saturday food sort, ");
        assertThat(quickReplies(menu)).containsExactly("CANCEL|" + evening, "CANCEL|" + morning, "CANCEL_KEEP");
        sandbox.message(page.id(), psid, "no thanks");
        assertThat(text(botMessage(psid, 2))).isEqualTo("OK, your places stay. See you there!");
        assertThat(places(volunteer)).containsExactlyInAnyOrder(morning, evening);

        sandbox.message(page.id(), psid, "cancel my place please");
        assertThat(text(botMessage(psid, 3))).startsWith("Which place would you like to give up?");
        sandbox.message(page.id(), psid, "2");

        assertThat(text(botMessage(psid, 4))).startsWith("Done: your place for Saturday food sort, ");
        assertThat(places(volunteer)).containsExactly(evening);
    }

    @Test
    void aYesToThePostOfADisabledSignupWhenSeveralOtherEventsHavePlacesAsksWhichOne() {
        Offered offered = aYesToADisabledSignupWhileTwoOthersTakeVolunteers();
        String psid = offered.psid();
        long sooner = offered.sooner();
        long later = offered.later();
        JsonNode menu = botMessage(psid, 1);
        assertThat(text(menu))
                .startsWith("Thank you for wanting to help! Sunday park clean-up is no longer taking signups."
                        + " Which event would you like to help with?")
                .contains("1) Friday soup kitchen — from ")
                .contains("2) Saturday food sort — from ")
                .doesNotContain("3) ");
        assertThat(quickReplies(menu)).containsExactly("SIGNUP|" + sooner, "SIGNUP|" + later);

        sandbox.message(page.id(), psid, "2");
        assertThat(text(botMessage(psid, 2)))
                .as("the organisation verifies volunteers: the chosen event's e-mail step")
                .contains("To sign you up for Saturday food sort, please type your email address");
    }

    @Test
    void anOfferWithoutASignupPostNamesTheEventItsSlotsBelongTo() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        signup("Saturday food sort", slot(day, "morning sort", 3));
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|");
        assertThat(text(botMessage(psid, 1)))
                .startsWith("Great!")
                .contains("Which slot of Saturday food sort would you like?")
                .contains("(morning sort) — 3 left");
    }

    @Test
    void aSlotTheVolunteerAlreadyHoldsIsMarkedInTheMenuAndPickingItAgainSaysSo() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode signup = signup(
                "Saturday food sort",
                slot(day, "Morning shift", 3),
                slot(day.plus(1, ChronoUnit.DAYS), "Afternoon shift", 3));
        long morning = slotId(signup, 0);
        long afternoon = slotId(signup, 1);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("Which slot");

        sandbox.message(page.id(), psid, "2");
        JsonNode in = botMessage(psid, 2);
        assertThat(text(in))
                .startsWith("You're in!")
                .contains("(Afternoon shift) — 2 left, you're signed up")
                .contains("(Morning shift) — 3 left");
        assertThat(quickReplies(in))
                .as("a slot already held is not offered")
                .containsExactly("SLOT|" + morning, "SLOTS_DONE");

        sandbox.message(page.id(), psid, "2");
        JsonNode again = botMessage(psid, 3);
        assertThat(text(again))
                .startsWith("You're already signed up for ")
                .contains("(Afternoon shift)")
                .doesNotContain("You're in!");
        assertThat(quickReplies(again)).containsExactly("SLOT|" + morning, "SLOTS_DONE");
        assertThat(jdbc.queryForList(
                        "select slot_id from slot_assignments where slot_id in (?, ?)", Long.class, morning, afternoon))
                .containsExactly(afternoon);
    }

    @Test
    void aSlotOverlappingOneTheVolunteerHoldsIsRefusedNamingItAndAnotherCanBePicked() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode signup = signup(
                "Saturday food sort",
                slot(day, "Morning shift", 3),
                slot(day.plus(2, ChronoUnit.HOURS), "Midday shift", 3),
                slot(day.plus(3, ChronoUnit.HOURS), "Afternoon shift", 3));
        long morning = slotId(signup, 0);
        long midday = slotId(signup, 1);
        long afternoon = slotId(signup, 2);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();
        DateTimeFormatter hours = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        String morningTimes =
                hours.format(day) + "–" + hours.format(day.plus(3, ChronoUnit.HOURS)) + " UTC (Morning shift)";

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("Which slot").contains(morningTimes + " — 3 left");
        sandbox.message(page.id(), psid, "1");
        JsonNode in = botMessage(psid, 2);
        assertThat(text(in))
                .startsWith("You're in!")
                .contains("(Midday shift) — 3 left, overlaps a slot you're signed up for");
        assertThat(quickReplies(in)).as("no button for it").containsExactly("SLOT|" + afternoon, "SLOTS_DONE");

        // the button of the first menu, tapped now
        sandbox.quickReply(page.id(), psid, "#2", "SLOT|" + midday);
        JsonNode refused = botMessage(psid, 3);
        assertThat(text(refused))
                .as("the place they hold, with its time and zone, then the slots to pick from")
                .startsWith("Sorry, that slot overlaps one you're already signed up for: ")
                .contains(morningTimes + ".")
                .contains("Which slot of Saturday food sort would you like?")
                .contains("(Midday shift) — 3 left");
        assertThat(quickReplies(refused)).contains("SLOT|" + afternoon, "SLOTS_DONE");
        assertThat(jdbc.queryForList(
                        "select slot_id from slot_assignments where slot_id in (?, ?, ?)",
                        Long.class,
                        morning,
                        midday,
                        afternoon))
                .as("nothing written")
                .containsExactly(morning);

        sandbox.message(page.id(), psid, "3");
        assertThat(text(botMessage(psid, 4)))
                .as("the afternoon starts as the morning ends: no overlap")
                .startsWith("You're in!");
        sandbox.quickReply(page.id(), psid, "Done", "SLOTS_DONE");
        assertThat(text(botMessage(psid, 5)))
                .contains("Morning shift")
                .contains("Afternoon shift")
                .doesNotContain("Midday shift");
        assertThat(jdbc.queryForList(
                        "select slot_id from slot_assignments where slot_id in (?, ?, ?) order by slot_id",
                        Long.class,
                        morning,
                        midday,
                        afternoon))
                .containsExactly(morning, afternoon);
    }

    @Test
    void aPersonWhoWritesWithoutAPostChoosesAmongTheEventsTakingVolunteers() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long later = signup("Sunday park clean-up", slot(day.plus(1, ChronoUnit.DAYS), "litter", 3))
                .path("id")
                .asLong();
        JsonNode sooner = signup("Saturday food sort", slot(day, "morning sort", 3));
        long past = signup("Last week's bake sale", slot(day, "stall", 3))
                .path("id")
                .asLong();
        // the API takes no slot in the past: its dates pass
        jdbc.update(
                "update signup_slots set starts_at = starts_at - interval '10 days', ends_at = ends_at - interval"
                        + " '10 days' where signup_id = ?",
                past);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        // the newest signup is the bake sale, whose dates have passed: the two to come are offered, soonest first
        sandbox.message(page.id(), psid, "I want to volunteer");
        JsonNode menu = botMessage(psid, 1);
        assertThat(text(menu))
                .startsWith("Great! Which event would you like to help with?")
                .contains("1) Saturday food sort — from ")
                .contains("2) Sunday park clean-up — from ")
                .contains(" UTC")
                .doesNotContain("bake sale")
                .doesNotContain("Which slot");
        assertThat(quickReplies(menu))
                .containsExactly("SIGNUP|" + sooner.path("id").asLong(), "SIGNUP|" + later);

        sandbox.message(page.id(), psid, "the weekend one?");
        assertThat(text(botMessage(psid, 2))).startsWith("Sorry, I didn't get that. Which event");
        // an event sooner than both is added meanwhile: the person's "2" is still the one they read as 2
        signup("Friday soup kitchen", slot(day.minus(1, ChronoUnit.DAYS), "soup", 3));

        sandbox.message(page.id(), psid, "2");
        assertThat(text(botMessage(psid, 3)))
                .contains("Which slot of Sunday park clean-up would you like?")
                .contains("(litter) — 3 left");
        sandbox.message(page.id(), psid, "1");
        assertThat(text(botMessage(psid, 4))).startsWith("You're in!");
        assertThat(jdbc.queryForList(
                        "select a.slot_id from slot_assignments a join signup_slots s on s.id = a.slot_id"
                                + " where s.signup_id = ?",
                        Long.class,
                        later))
                .hasSize(1);
        assertThat(jdbc.queryForList(
                        "select slot_id from slot_assignments where slot_id = ?", Long.class, slotId(sooner, 0)))
                .isEmpty();
    }

    @Test
    void aLongSlotMenuFitsMessengerAPageAtATimeAndTheNextDatesAreATapAway() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int n = 1; n <= 60; n++) {
            shifts.add(slot(day.plus(4L * n, ChronoUnit.HOURS), "shift " + n, 3));
        }
        JsonNode signup = api.post("/api/signups", Map.of("title", "Saturday food sort", "slots", shifts), 201);
        long twelfth = slotId(signup, 11);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        JsonNode first = botMessage(psid, 1);
        assertThat(text(first))
                .as("Facebook took it: at most 2,000 characters")
                .hasSizeLessThanOrEqualTo(2000)
                .contains("Which slot of Saturday food sort would you like?")
                .contains("1) ")
                .contains("(shift 1) — 3 left")
                .doesNotContain("(shift 12)");
        assertThat(quickReplies(first)).hasSizeLessThanOrEqualTo(13).contains("SLOTS_DONE");
        String more = first.path("message")
                .path("quick_replies")
                .valueStream()
                .filter(r -> r.path("title").asString().equals("More dates"))
                .map(r -> r.path("payload").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no More dates button in " + first));

        sandbox.quickReply(page.id(), psid, "More dates", more);
        JsonNode second = botMessage(psid, 2);
        assertThat(text(second))
                .hasSizeLessThanOrEqualTo(2000)
                .contains("12) ")
                .contains("(shift 12) — 3 left")
                .doesNotContain("(shift 1) ");
        assertThat(quickReplies(second)).hasSizeLessThanOrEqualTo(13).contains("SLOT|" + twelfth);

        sandbox.message(page.id(), psid, "12");
        assertThat(text(botMessage(psid, 3)))
                .startsWith("You're in!")
                .contains("(shift 12)")
                .hasSizeLessThanOrEqualTo(2000);
        assertThat(jdbc.queryForList(
                        "select a.slot_id from slot_assignments a join signup_slots s on s.id = a.slot_id"
                                + " where s.signup_id = ?",
                        Long.class,
                        signup.path("id").asLong()))
                .containsExactly(twelfth);
    }

    @Test
    void slotsWithLongLabelsAreListedShortenedInAMenuThatFits() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int n = 1; n <= 15; n++) {
            String label = ("Shift " + n + " sorting tins, dry food and fresh produce at the warehouse on Mill Road, ")
                    .repeat(2)
                    .substring(0, 100);
            shifts.add(slot(day.plus(4L * n, ChronoUnit.HOURS), label, 3));
        }
        api.post("/api/signups", Map.of("title", "Saturday food sort", "slots", shifts), 201);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        JsonNode menu = botMessage(psid, 1);
        assertThat(text(menu))
                .hasSizeLessThanOrEqualTo(2000)
                .contains("Which slot of Saturday food sort would you like?")
                .contains("1) ")
                .contains("(Shift 1 sorting tins");
        assertThat(quickReplies(menu)).hasSizeLessThanOrEqualTo(13).contains("SLOTS_DONE");
    }

    @Test
    void aTypedNumberIsTheSlotOfTheMenuThePersonSawAndNotAListThatChangedSince() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> shifts = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            shifts.add(slot(day.plus(4L * n, ChronoUnit.HOURS), "shift " + n, 3));
        }
        JsonNode signup = api.post("/api/signups", Map.of("title", "Saturday food sort", "slots", shifts), 201);
        long signupId = signup.path("id").asLong();
        long first = slotId(signup, 0);
        long second = slotId(signup, 1);
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        assertThat(text(botMessage(psid, 1))).contains("1) ").contains("(shift 1) — 3 left");

        sandbox.message(page.id(), psid, "1 and 2");
        assertThat(text(botMessage(psid, 2)))
                .as("two numbers are no choice (the digits together were slot 12)")
                .startsWith("Sorry, I didn't get that.")
                .contains("Which slot of Saturday food sort would you like?");
        assertThat(booked(signupId)).isEmpty();

        // an admin removes the first slot: the menu the person saw still says what 2 is
        jdbc.update("delete from signup_slots where id = ?", first);
        sandbox.message(page.id(), psid, "2");
        DateTimeFormatter hours = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
        Instant secondStart = day.plus(8, ChronoUnit.HOURS);
        assertThat(text(botMessage(psid, 3)))
                .as("the booked slot named with its time and zone")
                .startsWith("You're in!")
                .contains(hours.format(secondStart) + "–" + hours.format(secondStart.plus(3, ChronoUnit.HOURS))
                        + " UTC (shift 2)");
        assertThat(booked(signupId)).containsExactly(second);

        // the menu just sent numbers the slots as they are now: 1 is shift 2; a slot gone since is refused
        JsonNode menu = botMessage(psid, 3);
        assertThat(text(menu)).contains("1) ").contains("(shift 2) — 2 left, you're signed up");
        long third = slotId(signup, 2);
        jdbc.update("delete from signup_slots where id = ?", third);
        sandbox.message(page.id(), psid, "2");
        assertThat(text(botMessage(psid, 4)))
                .startsWith("Sorry, that slot is no longer available.")
                .contains("Which slot of Saturday food sort would you like?");
        assertThat(booked(signupId)).containsExactly(second);
    }

    @Test
    void aYesWhenEverySlotIsFullSaysSoAtOnceWithoutAskingForAnEmail() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long slot = slotId(signup("Saturday food sort", slot(day, "Morning shift", 1)), 0);
        long someoneElse = jdbc.queryForObject("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                values (?, ?, 'Lee Park', now()) returning id
                """, Long.class, organisationId, person());
        jdbc.update("insert into slot_assignments (slot_id, volunteer_id) values (?, ?)", slot, someoneElse);
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId + "|");
        JsonNode answer = botMessage(psid, 1);
        assertThat(text(answer))
                .contains("All slots of Saturday food sort are full")
                .doesNotContain("email");
        assertThat(answer.path("message").path("quick_replies")).isEmpty();
        assertThat(redis.sync().exists(RedisNames.conversation("dialog", page.id(), psid)))
                .as("no dialog started")
                .isZero();
    }

    @Test
    void aPoliteRequestToStopMessagingOptsOut() {
        signup("Saturday food sort", slot(Instant.now().plus(3, ChronoUnit.DAYS), "Morning shift", 3));
        jdbc.update("update organisations set verification_required = false where id = ?", organisationId);
        String psid = person();
        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + postId);
        assertThat(text(botMessage(psid, 1))).contains("Which slot");

        sandbox.message(page.id(), psid, "please stop messaging me");
        assertThat(text(botMessage(psid, 2)))
                .isEqualTo("You won't get any more automatic messages from us. Write to us any time.");
        assertThat(jdbc.queryForObject(
                        "select count(*) from opt_outs where organisation_id = ? and facebook_user_id = ?",
                        Integer.class,
                        organisationId,
                        psid))
                .isEqualTo(1);
    }

    // -----------------------------------------------------------------------------------------------------

    /** The id of the signup's slot at this index, as the API lists them. */
    private static long slotId(JsonNode signup, int index) {
        return signup.path("slots").get(index).path("id").asLong();
    }

    /** Creates a signup with these slots (see {@link #slot}); answers the signup created. */
    @SafeVarargs
    private JsonNode signup(String title, Map<String, Object>... slots) {
        return api.post("/api/signups", Map.of("title", title, "slots", List.of(slots)), 201);
    }

    /** A signup of one slot three days ahead, for tests of the e-mail and PIN steps. */
    private void signupOfOneSlot() {
        signup(
                "Saturday food sort",
                slot(Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), "Morning shift", 3));
    }

    /**
     * A signup of one slot on {@code day}, with a post published for it, then disabled by an admin;
     * answers the post's id.
     */
    private String disabledSignupPost(String title, Instant day) {
        Map<String, Object> request = Map.of("title", title, "slots", List.of(slot(day, "litter", 3)));
        long closed = api.post("/api/signups", request, 201).path("id").asLong();
        String post = api.publishPost(page, closed, "Help us at " + title + "!", PIPELINE);
        Map<String, Object> disabled = new HashMap<>(request);
        disabled.put("state", "disabled");
        assertThat(api.put("/api/signups/" + closed, disabled, 200)
                        .path("state")
                        .asString())
                .isEqualTo("disabled");
        return post;
    }

    /** Takes every place of the slot, for someone else. */
    private void fill(long slotId) {
        int required = jdbc.queryForObject("select required from signup_slots where id = ?", Integer.class, slotId);
        for (int n = 0; n < required; n++) {
            long someoneElse = jdbc.queryForObject("""
                    insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                    values (?, ?, 'Lee Park', now()) returning id
                    """, Long.class, organisationId, person());
            jdbc.update("insert into slot_assignments (slot_id, volunteer_id) values (?, ?)", slotId, someoneElse);
        }
    }

    /** A signup edit of the two slots to these starts (three hours each), keeping their ids and labels. */
    private static Map<String, Object> edit(long morning, Instant morningStart, long afternoon, Instant day) {
        Map<String, Object> first = new HashMap<>(slot(morningStart, "morning sort", 3));
        first.put("id", morning);
        Map<String, Object> second = new HashMap<>(slot(day.plus(5, ChronoUnit.HOURS), "afternoon", 3));
        second.put("id", afternoon);
        return Map.of("title", "Saturday food sort", "slots", List.of(first, second));
    }

    /** Two events taking volunteers, and the person who said yes under a disabled one's post. */
    private record Offered(long sooner, long later, String psid) {}

    /**
     * A person says yes under the post of a disabled signup while a Friday and a Saturday event take
     * volunteers: the bot's first message to them is the which-event menu.
     */
    private Offered aYesToADisabledSignupWhileTwoOthersTakeVolunteers() {
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        long later = signup("Saturday food sort", slot(day.plus(2, ChronoUnit.DAYS), "morning sort", 3))
                .path("id")
                .asLong();
        long sooner =
                signup("Friday soup kitchen", slot(day, "soup", 3)).path("id").asLong();
        String cleanUpPost = disabledSignupPost("Sunday park clean-up", day.plus(1, ChronoUnit.DAYS));
        String psid = person();

        sandbox.postback(page.id(), psid, "Yes, sign me up", "SIGNUP_YES|" + cleanUpPost + "|");
        return new Offered(sooner, later, psid);
    }

    /** The slots this volunteer row holds a place in. */
    private List<Long> places(long volunteerId) {
        return jdbc.queryForList(
                "select slot_id from slot_assignments where volunteer_id = ?", Long.class, volunteerId);
    }

    /** The slots of the signup anyone holds a place in. */
    private List<Long> booked(long signupId) {
        return jdbc.queryForList(
                "select a.slot_id from slot_assignments a join signup_slots s on s.id = a.slot_id where s.signup_id = ?",
                Long.class,
                signupId);
    }

    private static List<String> quickReplies(JsonNode sent) {
        List<String> payloads = new ArrayList<>();
        sent.path("message")
                .path("quick_replies")
                .forEach(reply -> payloads.add(reply.path("payload").asString()));
        return payloads;
    }

    private static String person() {
        return Long.toString(PEOPLE.incrementAndGet());
    }

    private static Map<String, Object> slot(Instant startsAt, String label, int required) {
        return Map.of(
                "startsAt",
                startsAt.toString(),
                "endsAt",
                startsAt.plus(3, ChronoUnit.HOURS).toString(),
                "label",
                label,
                "required",
                required);
    }

    /** The message with this Facebook id as {@code GET /api/messages} returns it (what a reload shows). */
    private JsonNode inMessages(String externalId) {
        return api.get("/api/messages?limit=100")
                .valueStream()
                .filter(m -> externalId.equals(m.path("externalId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("message " + externalId + " is not in /api/messages"));
    }

    private static String shown(JsonNode message) {
        return message.path("classifications").path("sentiment").path("shown").asString("");
    }

    /**
     * How the overview's live feed shows a message's sentiment after these events, in the order they
     * came, as {@code assets/overview.js} applies them: a {@code message.classified} says how to show it,
     * and once {@code message.dialog_answer} named it, it stays uncoloured; null before any event.
     */
    private static String liveSentiment(List<String> events, long messageId) {
        String shown = null;
        boolean answer = false;
        for (String event : events) {
            JsonNode json = Json.MAPPER.readTree(event);
            if (json.path("messageId").asLong() != messageId) {
                continue;
            }
            switch (json.path("type").asString()) {
                case "message.classified" -> shown = shown(json);
                case "message.dialog_answer" -> answer = true;
                default -> {}
            }
        }
        return shown == null || shown.isEmpty() ? null : answer ? "neutral" : shown;
    }

    /** The bot's {@code n}th message to the person (1-based), once it was sent; fails if more were sent. */
    private JsonNode botMessage(String psid, int n) {
        return sandbox.nthMessage(page.id(), psid, n, PIPELINE);
    }

    /** The text of a message, plain or the text of a button template. */
    private static String text(JsonNode sent) {
        return SandboxClient.textOf(sent);
    }

    private String reply(String targetId) {
        List<String> found = jdbc.queryForList(
                "select status || coalesce(': ' || reason, '') from replies " + "where target_id = ?",
                String.class,
                targetId);
        return found.isEmpty() ? null : String.join(", ", found);
    }

    /** Facebook's data deletion callback for this user, signed as Facebook signs it; returns the status. */
    private JsonNode dataDeletion(String userId) throws Exception {
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Json.write(Map.of("algorithm", "HMAC-SHA256", "user_id", userId)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestServers.APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)))
                + "." + payload;
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/facebook/data-deletion"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "signed_request=" + URLEncoder.encode(signed, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        HttpResponse<String> status = http.send(
                HttpRequest.newBuilder(URI.create(
                                Json.MAPPER.readTree(answer.body()).path("url").asString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(status.body());
    }

    private List<JsonNode> mailsTo(String address) {
        List<JsonNode> mails = new ArrayList<>();
        for (JsonNode mail : api.get("/api/sandbox/mail")) {
            if (mail.path("to").toString().contains(address)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** The entries of {@code s:dead} that came from {@code q:email}. */
    private List<String> deadEmailJobs() {
        List<String> dead = new ArrayList<>();
        redis.sync()
                .xrange(RedisNames.DEAD_STREAM, io.lettuce.core.Range.create("-", "+"))
                .forEach(entry -> {
                    String source =
                            new String(entry.getBody().getOrDefault("source", new byte[0]), StandardCharsets.UTF_8);
                    if (source.contains(RedisNames.EMAIL_QUEUE)) {
                        dead.add(entry.getId());
                    }
                });
        return dead;
    }

    /** The {@code q:reply} job of what the person wrote (stored by the writer), with a notice if given. */
    private MessageToAnswer jobOf(String psid, String text, String notice) {
        Map<String, Object> typed = jdbc.queryForMap(
                "select id, external_id, created_at, received_at from messages where author_id = ? and text = ?",
                psid,
                text);
        InboundEvent event = new InboundEvent(
                (String) typed.get("external_id"),
                EventKind.MESSAGE,
                page.id(),
                (String) typed.get("external_id"),
                null,
                null,
                null,
                psid,
                null,
                text,
                null,
                ((java.sql.Timestamp) typed.get("created_at")).toInstant(),
                ((java.sql.Timestamp) typed.get("received_at")).toInstant(),
                page.id());
        return new MessageToAnswer(organisationId, ((Number) typed.get("id")).longValue(), event, Map.of(), notice);
    }

    /** The PIN of the {@code n}th email to the address, once it arrived. */
    private String pinEmailed(String address, int n) {
        await("PIN email " + n).atMost(PIPELINE).until(() -> mailsTo(address).size() >= n);
        JsonNode mail = mailsTo(address).get(n - 1);
        assertThat(mail.path("subject").asString()).isEqualTo("Your code for Riverside Food Bank");
        Matcher pin = PIN.matcher(mail.path("body").asString());
        assertThat(pin.find()).as("a 6-digit code in " + mail).isTrue();
        return pin.group(1);
    }

    private static String wrongPin(String pin) {
        char first = pin.charAt(0);
        return (first == '9' ? '0' : (char) (first + 1)) + pin.substring(1);
    }

    /** The payload of the Yes button in the private signup offer a commenter got (their first message). */
    private String yesButtonOfTheOffer(String commenter) {
        return botMessage(commenter, 1)
                .path("message")
                .path("attachment")
                .path("payload")
                .path("buttons")
                .get(0)
                .path("payload")
                .asString();
    }
}
