package org.voluntree.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.account.OwnerSetup;
import org.voluntree.app.testing.AdminApi;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.SandboxClient;
import org.voluntree.app.testing.SandboxClient.SandboxPage;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.event.Json;
import tools.jackson.databind.JsonNode;

/**
 * A volunteer's whole journey watched by an admin in headless Chromium, with nothing written to
 * the database by the test: the organisation is set up as {@code create-owner} does, the page,
 * signup and post through the API, and everything else happens the way Facebook makes it happen —
 * a comment through the sandbox's signed webhook, the workers, the gear with the bundled models,
 * the writer, the reply workers, and the Messenger dialog with the PIN from the mail sandbox. The
 * overview, the signup and the inbox stay open in their own windows and update without a reload.
 *
 * <p>Then the network between the browser and the app fails ({@link DroppableRelay}: the app and
 * the admin's session keep running, every connection through the relay is reset and new ones are
 * refused): a comment processed meanwhile reaches the page through its catch-up once the socket is
 * back, without a reload; and a page whose session ended meanwhile, or was logged out in another
 * window, sends the admin to the login.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "voluntree.facebook.sandbox.enabled=true",
            "voluntree.facebook.sandbox.calls-per-window=100000",
            "voluntree.mail.sandbox.enabled=true",
            "voluntree.gear.max-wait=20ms",
            "voluntree.writer.max-wait=20ms",
            "voluntree.queue.retry-backoff=200ms"
        })
@Import(OrganisationFixture.class)
@DirtiesContext
class VolunteerJourneyBrowserIT {

    /** Page ids of their own, so that the sandbox's comment ids never meet another test's in Redis. */
    private static final AtomicLong PAGE_IDS = new AtomicLong(100000000000960L);

    private static final AtomicLong PEOPLE = new AtomicLong(2000000000960L);
    private static final String ADMIN = "ana@riverside.example";
    private static final String PASSWORD = "correct horse battery";
    /**
     * A clear, happy offer to help, read by the bundled models as intent {@code volunteer}, sentiment
     * {@code positive} (confidently enough to be shown green) and offense {@code neither} (an earlier
     * offense model read "Count me in for Saturday! I'd love to help" as {@code offensive}, and offensive
     * comments get no automatic reply).
     */
    private static final String VOLUNTEERING = "I can help on Saturday, I'd love to, great cause!";

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
    OwnerSetup owners;

    SandboxClient sandbox;
    AdminApi api;
    SandboxPage page;
    Browser browser;
    String base;

    @BeforeEach
    void setUp() {
        base = "http://127.0.0.1:" + port;
        fixture.deleteAllOrganisations();
        owners.createOwner("Riverside Food Bank", ADMIN, PASSWORD);
        api = new AdminApi(port, ADMIN, PASSWORD);
        sandbox = new SandboxClient(port);
        page = sandbox.createPage(Long.toString(PAGE_IDS.incrementAndGet()), "Riverside Food Bank");
        api.connect(page);
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aCommenterBecomesAConfirmedVolunteerWhileTheAdminWatchesLive() {
        // the admin's signup with one slot, and its post published on the page through the publish queue
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        JsonNode signup = api.post(
                "/api/signups",
                Map.of(
                        "title",
                        "Saturday food sort",
                        "description",
                        "Sorting donations for 300 families",
                        "slots",
                        List.of(Map.of(
                                "startsAt",
                                day.toString(),
                                "endsAt",
                                day.plus(3, ChronoUnit.HOURS).toString(),
                                "label",
                                "Morning shift",
                                "required",
                                2))),
                201);
        long signupId = signup.path("id").asLong();
        long slotId = signup.path("slots").get(0).path("id").asLong();
        String postId = api.publishPost(
                page, signupId, "We need volunteers for Saturday's food sort. Comment to sign up!", PIPELINE);

        // the admin watches three pages, each in its own window
        logIn(base);
        String overview = browser.driver.getWindowHandle();
        String signups = openWindow("/signups.html#" + signupId);
        By slot = By.cssSelector("#slots li[data-slot-id='" + slotId + "']");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(slot, "0 of 2 confirmed"));
        assertThat(text(slot)).contains("Morning shift").contains("nobody yet");
        markWindow();
        String inbox = openWindow("/inbox.html");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("conversations"), "No Messenger conversations yet."));
        markWindow();
        browser.driver.switchTo().window(overview);
        markWindow();

        // a person comments under the post: a signed webhook through the whole pipeline
        String psid = Long.toString(PEOPLE.incrementAndGet());
        String commentId = SandboxClient.commentId(sandbox.comment(page.id(), postId, psid, "Maya Cruz", VOLUNTEERING));
        JsonNode comment = stored(commentId);
        String sentiment =
                comment.path("classifications").path("sentiment").path("label").asString();
        assertThat(sentiment).as("what the model made of a happy offer to help").isEqualTo("positive");
        assertThat(comment.path("classifications").path("intent").path("label").asString())
                .isEqualTo("volunteer");
        By item = By.cssSelector(
                "#feed li[data-message-id='" + comment.path("messageId").asLong() + "']");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(item, VOLUNTEERING));
        assertThat(browser.attribute(item, "data-sentiment")).isEqualTo(sentiment);
        assertThat(comment.path("classifications")
                        .path("sentiment")
                        .path("score")
                        .asDouble())
                .isGreaterThanOrEqualTo(SentimentColours.SHOWN_FROM);
        SentimentColours.assertColour(sentiment, browser.cssValue(item, "border-left-color"));
        assertThat(text(item)).contains("Maya Cruz").contains("intent: volunteer");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("interests"), "Maya Cruz"));
        browser.wait.until(ExpectedConditions.textToBe(By.id("count-interests"), "1"));
        assertStillTheSamePage();
        browser.screenshot("journey-overview");

        // the bot's private reply offers the signup; the person goes through the dialog in Messenger
        JsonNode offer = botMessage(psid, 1);
        assertThat(offer.path("commentId").asString()).isEqualTo(commentId);
        JsonNode yes = offer.path("message")
                .path("attachment")
                .path("payload")
                .path("buttons")
                .get(0);
        assertThat(yes.path("payload").asString()).isEqualTo("SIGNUP_YES|" + postId + "|" + commentId);
        sandbox.postback(
                page.id(),
                psid,
                yes.path("title").asString(),
                yes.path("payload").asString());
        assertThat(text(botMessage(psid, 2))).contains("Saturday food sort").contains("type your email address");

        // her conversation appears in the open inbox; the admin opens it and follows the rest live
        browser.driver.switchTo().window(inbox);
        By conversation = By.cssSelector("#conversations tr[data-conversation='" + page.id() + "/" + psid + "']");
        browser.wait.until(d -> {
            d.findElement(conversation).click();
            return true;
        });
        By botSaid = By.cssSelector("#entries li[data-from=bot] .text");
        browser.wait.until(d -> texts(botSaid).size() == 1);
        assertThat(texts(botSaid).get(0)).contains("type your email address");

        sandbox.message(page.id(), psid, "maya@example.org");
        assertThat(text(botMessage(psid, 3))).contains("emailed a 6-digit code to maya@example.org");
        sandbox.message(page.id(), psid, pinEmailedTo("maya@example.org"));
        JsonNode slots = botMessage(psid, 4);
        assertThat(text(slots)).startsWith("Thanks, your email is confirmed!").contains("(Morning shift) — 2 left");
        List<String> choices = new ArrayList<>();
        slots.path("message")
                .path("quick_replies")
                .forEach(reply -> choices.add(reply.path("payload").asString()));
        assertThat(choices).contains("SLOT|" + slotId);
        sandbox.quickReply(page.id(), psid, "#1", "SLOT|" + slotId);
        assertThat(text(botMessage(psid, 5))).startsWith("You're in!").contains("(Morning shift) — 1 left");
        // Facebook takes its time to answer the last send: the reply is out, its record says so only later
        sandbox.hold("/" + page.id() + "/messages", "POST", 1);
        sandbox.quickReply(page.id(), psid, "Done", "SLOTS_DONE");
        String thanks = text(botMessage(psid, 6));
        assertThat(thanks)
                .startsWith("Thank you! You're signed up for Saturday food sort:")
                .contains("Morning shift");
        await("Facebook's answer held").atMost(PIPELINE).until(() -> sandbox.heldAnswers() == 1);

        // the open signup shows her among the slot's confirmed volunteers, without a reload
        browser.driver.switchTo().window(signups);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(slot, "1 of 2 confirmed"));
        browser.wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#slots li[data-slot-id='" + slotId + "'] .volunteer-names"), "Maya Cruz"));
        assertStillTheSamePage();
        browser.screenshot("journey-signup");

        // the open conversation shows her answers and every one of the bot's messages, sent
        browser.driver.switchTo().window(inbox);
        sandbox.releaseHeldAnswers();
        browser.wait.until(d -> texts(botSaid).size() == 5
                && normalised(thanks).equals(normalised(texts(botSaid).get(4))));
        assertThat(texts(botSaid))
                .as("the bot's answers, in order")
                .satisfiesExactly(
                        t -> assertThat(t).contains("type your email address"),
                        t -> assertThat(t).contains("emailed a 6-digit code"),
                        t -> assertThat(t).startsWith("Thanks, your email is confirmed!"),
                        t -> assertThat(t).startsWith("You're in!"),
                        t -> assertThat(t).startsWith("Thank you! You're signed up"));
        browser.wait.until(d -> texts(By.cssSelector("#entries li[data-from=bot] .meta")).stream()
                .noneMatch(meta -> meta.contains("pending") || meta.contains("failed")));
        assertThat(texts(By.cssSelector("#entries li[data-from=person] .text")))
                .as("what she sent")
                .hasSize(5)
                .contains("maya@example.org");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(conversation, "5 messages"));
        assertStillTheSamePage();
        browser.screenshot("journey-inbox");

        // the overview, open all along: her answers to the dialog (the e-mail address, the PIN, the slot,
        // "Done") turned grey live, as a reload shows them, while her comment keeps its colour
        browser.driver.switchTo().window(overview);
        List<JsonNode> answers = api.get("/api/messages?limit=50")
                .valueStream()
                .filter(m -> psid.equals(m.path("authorId").asString())
                        && "MESSAGE".equals(m.path("kind").asString()))
                .toList();
        assertThat(answers).as("what she typed or tapped in the dialog").hasSize(4);
        assertThat(answers)
                .as("the model is sure of the sentiment of some: they would be coloured were they opinions")
                .anySatisfy(m -> assertThat(m.path("classifications")
                                .path("sentiment")
                                .path("score")
                                .asDouble())
                        .isGreaterThanOrEqualTo(SentimentColours.SHOWN_FROM));
        for (JsonNode answer : answers) {
            assertThat(answer.path("classifications")
                            .path("sentiment")
                            .path("shown")
                            .asString())
                    .as("a reload shows an answer uncoloured")
                    .isEqualTo("neutral");
            By answerItem = feedItem(answer);
            browser.wait.until(ExpectedConditions.attributeToBe(answerItem, "data-sentiment", "neutral"));
            SentimentColours.assertColour("neutral", browser.cssValue(answerItem, "border-left-color"));
        }
        assertThat(browser.attribute(item, "data-sentiment")).isEqualTo(sentiment);
        assertStillTheSamePage();
        browser.screenshot("journey-overview-answers");
    }

    @Test
    void aDashboardWhoseConnectionDroppedCatchesUpWithoutAReload() {
        String postId = sandbox.publishPost(page, "Help us sort food on Saturday!");
        try (DroppableRelay network = new DroppableRelay(port)) {
            // the browser reaches the app only through the relay; the test talks to the app directly
            logIn("http://127.0.0.1:" + network.port());
            String first =
                    SandboxClient.commentId(sandbox.comment(page.id(), postId, person(), "Maya Cruz", VOLUNTEERING));
            By firstItem = feedItem(stored(first));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(firstItem));
            browser.wait.until(ExpectedConditions.textToBe(By.id("count-messages"), "1"));
            markWindow();

            network.drop();
            browser.wait.until(ExpectedConditions.textToBe(By.id("status"), "offline"));
            String second = SandboxClient.commentId(sandbox.comment(
                    page.id(), postId, person(), "Sam Lee", "Count me in for the Saturday sort, I can help"));
            // its message.classified event is published now, while no socket of this browser is open
            JsonNode missed = stored(second);
            By missedItem = feedItem(missed);
            assertThat(browser.driver.findElements(missedItem))
                    .as("classified and stored while the page was offline")
                    .isEmpty();
            assertThat(text(By.id("count-messages"))).isEqualTo("1");
            assertThat(text(By.id("status"))).isEqualTo("offline");
            browser.screenshot("catch-up-offline");

            network.restore();
            // the page retries with a backoff (1 s, 2 s, 4 s, ...): the next try after the restore finds the network
            new WebDriverWait(browser.driver, Duration.ofSeconds(45))
                    .until(ExpectedConditions.textToBe(By.id("status"), "live"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(missedItem, "Sam Lee"));
            JsonNode missedSentiment = missed.path("classifications").path("sentiment");
            assertThat(browser.attribute(missedItem, "data-sentiment"))
                    .isEqualTo(SentimentColours.shown(
                            missedSentiment.path("label").asString(),
                            missedSentiment.path("score").asDouble()));
            browser.wait.until(ExpectedConditions.textToBe(By.id("count-messages"), "2"));
            assertThat(browser.driver.findElements(firstItem)).hasSize(1);
            assertStillTheSamePage();
            browser.screenshot("catch-up-live-again");
        }
    }

    @Test
    void aDashboardWhoseSessionEndedWhileOfflineSendsTheAdminToTheLoginOnceBackOnline() throws Exception {
        try (DroppableRelay network = new DroppableRelay(port)) {
            logIn("http://127.0.0.1:" + network.port());
            network.drop();
            browser.wait.until(ExpectedConditions.textToBe(By.id("status"), "offline"));

            // meanwhile the session ends on the server (it expired, the admin logged out elsewhere, the node restarted)
            HttpClient http = HttpClient.newHttpClient();
            String cookie = "SESSION="
                    + browser.driver.manage().getCookieNamed("SESSION").getValue();
            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String csrf = Json.MAPPER.readTree(me.body()).path("csrfToken").asString();
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout"))
                            .header("Cookie", cookie)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(http.send(me.request(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .as("the browser's session is over")
                    .isEqualTo(401);

            // back online, the socket is refused: the page says so by sending the admin to log in again
            network.restore();
            new WebDriverWait(browser.driver, Duration.ofSeconds(45))
                    .until(ExpectedConditions.urlContains("/login.html"));
            browser.screenshot("catch-up-session-ended");
        }
    }

    @Test
    void loggingOutInOneWindowSendsTheLoginsOtherWindowsToTheLoginPage() {
        logIn(base);
        String overview = browser.driver.getWindowHandle();
        openWindow("/signups.html");
        browser.driver.findElement(By.id("logout")).click();
        browser.wait.until(ExpectedConditions.urlContains("/login.html"));

        // the other window's socket belonged to the same login, so the server closed it (Tomcat ends a login's
        // sockets with it): the reconnection is refused, and the page goes to the login rather than stay offline
        browser.driver.switchTo().window(overview);
        browser.wait.until(ExpectedConditions.urlContains("/login.html"));
        browser.screenshot("logged-out-elsewhere");
    }

    // -----------------------------------------------------------------------------------------------------

    private static String person() {
        return Long.toString(PEOPLE.incrementAndGet());
    }

    /** The message as the API shows it, once it was classified and stored. */
    private JsonNode stored(String externalId) {
        JsonNode[] found = new JsonNode[1];
        await(externalId + " classified and stored").atMost(PIPELINE).until(() -> {
            for (JsonNode message : api.get("/api/messages?limit=50")) {
                if (externalId.equals(message.path("externalId").asString())
                        && message.path("classifications").has("sentiment")) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static By feedItem(JsonNode message) {
        return By.cssSelector(
                "#feed li[data-message-id='" + message.path("messageId").asLong() + "']");
    }

    /** The bot's {@code n}th message to the person (1-based), once the sandbox received it; fails if more came. */
    private JsonNode botMessage(String psid, int n) {
        return sandbox.nthMessage(page.id(), psid, n, PIPELINE);
    }

    private static String text(JsonNode sent) {
        return SandboxClient.textOf(sent);
    }

    /** The PIN in the mail sandbox's email to the address, read as an admin of the demo does. */
    private String pinEmailedTo(String address) {
        JsonNode[] mail = new JsonNode[1];
        await("the PIN email").atMost(PIPELINE).until(() -> {
            for (JsonNode sent : api.get("/api/sandbox/mail")) {
                if (sent.path("to").toString().contains(address)) {
                    mail[0] = sent;
                    return true;
                }
            }
            return false;
        });
        Matcher pin = PIN.matcher(mail[0].path("body").asString());
        assertThat(pin.find()).as("a 6-digit code in " + mail[0]).isTrue();
        return pin.group(1);
    }

    private void logIn(String root) {
        base = root;
        browser.logIn(root, ADMIN, PASSWORD);
    }

    /** Opens the path in a new window of the same browser (same session) and waits for it to be live. */
    private String openWindow(String path) {
        browser.driver.switchTo().newWindow(WindowType.WINDOW);
        browser.driver.get(base + path);
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
        return browser.driver.getWindowHandle();
    }

    /** Leaves a mark on the current page that a reload or a navigation would wipe. */
    private void markWindow() {
        browser.driver.executeScript("window.voluntreeTestMark = 'loaded once'");
    }

    private void assertStillTheSamePage() {
        assertThat(browser.driver.executeScript("return window.voluntreeTestMark"))
                .as("the page was neither reloaded nor left")
                .isEqualTo("loaded once");
    }

    /** The text of the element the locator finds now, found again if the page redrew it in between. */
    private String text(By locator) {
        return browser.wait.until(d -> d.findElement(locator).getText());
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private List<String> texts(By locator) {
        return browser.wait.until(
                d -> d.findElements(locator).stream().map(e -> e.getText()).toList());
    }
}
