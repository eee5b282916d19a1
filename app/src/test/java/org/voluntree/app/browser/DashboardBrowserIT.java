package org.voluntree.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.signup.SignupEvents;
import org.voluntree.app.signup.SignupRequest;
import org.voluntree.app.signup.SignupStore;
import org.voluntree.app.signup.Slot;
import org.voluntree.app.signup.SlotVolunteers;
import org.voluntree.app.testing.FacebookPayloads;
import org.voluntree.app.testing.FacebookPayloads.Comment;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.app.testing.WebhookClient;

/**
 * The dashboard in real headless Chromium on the whole running system: an admin logs in, a
 * volunteer comments through the signed webhook, and the comment appears live, coloured by the
 * sentiment the model gave it, in the overview, the volunteers page and the analytics chart; an
 * admin of another organisation sees none of it. Screenshots land in target/screenshots.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"voluntree.gear.max-wait=20ms", "voluntree.writer.max-wait=20ms"})
@Import(OrganisationFixture.class)
@DirtiesContext
class DashboardBrowserIT {

    private static final String PAGE_A = "100000000000601";
    private static final String PAGE_B = "100000000000602";
    private static final String VOLUNTEERING = "Count me in for Saturday!";

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
    SignupStore signups;

    @Autowired
    SignupEvents signupEvents;

    long orgA;
    String base;
    WebhookClient facebook;
    Browser browser;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        orgA = fixture.organisation("Riverside Food Bank", PAGE_A);
        long orgB = fixture.organisation("Hillside Animal Shelter", PAGE_B);
        fixture.admin(orgA, "ana@riverside.example", "correct horse A", "owner");
        fixture.admin(orgB, "bo@hillside.example", "correct horse B", "owner");
        base = "http://127.0.0.1:" + port;
        facebook = new WebhookClient(port, TestServers.APP_SECRET);
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aVolunteersCommentAppearsLiveEverywhereForItsOrganisationOnly() {
        logIn("ana@riverside.example", "correct horse A");
        assertThat(text("#organisation")).contains("Riverside Food Bank");
        browser.screenshot("overview-empty");

        // the overview: the comment arrives live, coloured by its stored sentiment, and is counted
        comment("c_1", "9001", "Maya Cruz");
        assertSentimentColour(By.cssSelector("#feed li[data-message-id='" + messageId("c_1") + "']"), "c_1");
        browser.wait.until(ExpectedConditions.textToBe(By.id("count-messages"), "1"));
        browser.wait.until(ExpectedConditions.textToBe(By.id("count-interests"), "1"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("interests"), "Maya Cruz"));
        assertThat(text("#count-volunteers")).isEqualTo("1");
        browser.screenshot("overview");

        // the volunteers page: a new volunteer's row appears live with their comment's colour
        open("/volunteers.html");
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("volunteers"), "Maya Cruz"));
        comment("c_2", "9002", "Sam Lee");
        By row = By.xpath("//table[@id='volunteers']//tr[td[contains(., 'Sam Lee')]]");
        assertSentimentColour(
                By.xpath(
                        "//table[@id='volunteers']//tr[td[contains(., 'Sam Lee')]]/td[contains(@class, 'last-message')]"),
                "c_2");
        browser.wait.until(d -> {
            d.findElement(row).click();
            return true;
        });
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "Interests (1)"));
        assertSentimentColour(By.cssSelector("#detail li.message"), "c_2");
        assertThat(text("#volunteer-email")).isEqualTo("No e-mail verified in Messenger");
        browser.screenshot("volunteers");

        // analytics: the current bucket holds the comments made in it (both, unless a 10-minute
        // boundary fell between them), then a third arrives live
        open("/analytics.html");
        String bucket = bucketStart("c_2");
        By bar = By.cssSelector("#chart-volume rect.bar[data-start='" + bucket + "']");
        String before = Long.toString(inBucket(bucket, "c_1", "c_2"));
        browser.wait.until(d -> before.equals(d.findElement(bar).getAttribute("data-value")));
        assertThat(browser.driver.findElements(By.cssSelector("#chart-volume rect.bar")))
                .as("one bar per 10 minutes of the last 24 hours")
                .hasSizeBetween(144, 145);
        assertThat(browser.driver.findElements(By.cssSelector("#chart-volume line.reference")))
                .hasSize(1);
        comment("c_3", "9003", "Ike Obi");
        String latest = bucketStart("c_3");
        By latestBar = By.cssSelector("#chart-volume rect.bar[data-start='" + latest + "']");
        String after = Long.toString(inBucket(latest, "c_1", "c_2", "c_3"));
        browser.wait.until(d -> after.equals(d.findElement(latestBar).getAttribute("data-value")));
        assertThat(browser.driver.findElements(By.cssSelector("#chart-sentiment circle.point")))
                .isNotEmpty();
        search("Maya");
        browser.wait.until(d -> d.findElements(By.cssSelector("#results li")).size() == 1);
        browser.screenshot("analytics");

        open("/settings.html");
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#models tbody tr")).size() == 3);
        assertThat(text("#models"))
                .contains("intent")
                .contains("sentiment")
                .contains("offense")
                .as("metrics drawn as a list, not as the text of arrays")
                .doesNotContain("[object");
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#pipeline tr[data-stage]")).size() == 7);
        assertThat(text("#pipeline tr[data-stage='s:dead'] td.waiting"))
                .as("a count, whatever earlier tests left")
                .matches("\\d+");
        browser.screenshot("settings");

        // another organisation's admin, in the same browser after logging out, sees none of it
        browser.driver.findElement(By.id("logout")).click();
        browser.wait.until(ExpectedConditions.urlContains("/login.html"));
        logIn("bo@hillside.example", "correct horse B");
        browser.wait.until(ExpectedConditions.textToBe(By.id("count-messages"), "0"));
        assertThat(text("#count-interests")).isEqualTo("0");
        assertThat(browser.driver.findElements(By.cssSelector("#feed li, #interests li")))
                .isEmpty();
        browser.screenshot("overview-other-organisation");
        open("/volunteers.html");
        browser.wait.until(ExpectedConditions.textToBe(By.id("total"), "0 volunteers"));
        assertThat(browser.driver.findElements(By.cssSelector("#volunteers tbody tr")))
                .isEmpty();
        open("/analytics.html");
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("#chart-volume rect.bar")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#chart-volume rect.bar")))
                .allSatisfy(b -> assertThat(b.getAttribute("data-value")).isEqualTo("0"));
        search("Maya");
        browser.wait.until(ExpectedConditions.jsReturnsValue("return document.readyState === 'complete' || null"));
        assertThat(browser.driver.findElements(By.cssSelector("#results li"))).isEmpty();
        browser.screenshot("analytics-other-organisation");
    }

    private void logIn(String email, String password) {
        browser.logIn(base, email, password);
    }

    private void open(String path) {
        browser.open(base + path);
    }

    private void search(String author) {
        WebElement field = browser.driver.findElement(By.cssSelector("#search input[name=author]"));
        field.clear();
        field.sendKeys(author);
        browser.driver.findElement(By.cssSelector("#search button")).click();
    }

    @Test
    void aLongUnbrokenMessageWrapsInsideTheFeed() {
        logIn("ana@riverside.example", "correct horse A");
        comment("c_long", "9004", "Lee Long", "x".repeat(290) + "@example.org");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li[data-message-id='" + messageId("c_long") + "']")));

        assertThat(browser.driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("nothing wider than the window")
                .isEqualTo(0L);
        browser.screenshot("overview-long-message");
    }

    @Test
    void aSignupEditThatWouldGiveSomeoneTwoPlacesAtOnceSaysWhyInTheForm() {
        long org = orgA;
        Instant nine = Instant.now()
                .plus(Duration.ofDays(3))
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(9));
        long sort = signups.create(org, signup("Food sort", nine, nine.plus(Duration.ofHours(3))));
        long cleanUp = signups.create(
                org, signup("Park clean-up", nine.plus(Duration.ofHours(5)), nine.plus(Duration.ofHours(7))));
        long maya = signups.volunteer(org, "9001", "Maya Cruz");
        signups.assign(sort, signups.allSlots(sort).get(0).id(), maya, "messenger");
        signups.assign(cleanUp, signups.allSlots(cleanUp).get(0).id(), maya, "messenger");
        logIn("ana@riverside.example", "correct horse A");
        open("/signups.html#" + sort);

        browser.wait.until(d -> {
            d.findElement(By.id("edit")).click();
            return true;
        });
        WebElement slot =
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#slot-rows .slot")));
        // 9–12 moved to 13–16, over her place in the clean-up from 14 to 16 (in the browser's own zone)
        browser.driver.executeScript(
                """
                const local = iso => { const d = new Date(iso);
                  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); };
                arguments[0].querySelector('[name=startsAt]').value = local(arguments[1]);
                arguments[0].querySelector('[name=endsAt]').value = local(arguments[2]);
                """,
                slot,
                nine.plus(Duration.ofHours(4)).toString(),
                nine.plus(Duration.ofHours(7)).toString());
        browser.driver
                .findElement(By.cssSelector("#signup-form button[type=submit]"))
                .click();

        browser.wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("signup-status"), "two places at once"));
        assertThat(text("#signup-status"))
                .contains("held by its 1 confirmed volunteer", "nothing was changed")
                .doesNotContain("Maya");
        browser.screenshot("signup-edit-overlap");
        assertThat(signups.allSlots(sort)).extracting(Slot::startsAt).containsExactly(nine);
    }

    @Test
    void anAdminGivesUpOneVolunteersPlaceFromTheSignupAndTheOthersStay() {
        Instant nine = Instant.now()
                .plus(Duration.ofDays(3))
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(9));
        long sort = signups.create(orgA, signup("Food sort", nine, nine.plus(Duration.ofHours(3))));
        long slot = signups.allSlots(sort).get(0).id();
        long maya = signups.volunteer(orgA, "9001", "Maya Cruz");
        long sam = signups.volunteer(orgA, "9002", "Sam Lee");
        signups.assign(sort, slot, maya, "messenger");
        signups.assign(sort, slot, sam, "messenger");
        logIn("ana@riverside.example", "correct horse A");
        open("/signups.html#" + sort);
        By names = By.cssSelector("#slots li[data-slot-id='" + slot + "'] .volunteer-names");
        browser.wait.until(ExpectedConditions.textToBe(names, "Maya Cruz, Sam Lee"));
        assertThat(text("#slots")).contains("2 of 3 confirmed");

        browser.driver
                .findElement(By.cssSelector(".volunteer[data-volunteer-id='" + maya + "'] .remove-place"))
                .click();
        Alert question = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("Give up Maya Cruz's place", "is told in Messenger");
        question.accept();

        browser.wait.until(ExpectedConditions.textToBe(names, "Sam Lee"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("slots"), "1 of 3 confirmed"));
        assertThat(signups.volunteersBySlot(sort).get(0).volunteers())
                .extracting(SlotVolunteers.Confirmed::volunteerId)
                .containsExactly(sam);
        browser.screenshot("signup-place-given-up");
    }

    @Test
    void anAdminWritesToASignupsVolunteersFromItsPageAndSeesWhatWasSent() {
        Instant nine = Instant.now()
                .plus(Duration.ofDays(3))
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(9));
        long sort = signups.create(orgA, signup("Food sort", nine, nine.plus(Duration.ofHours(3))));
        logIn("ana@riverside.example", "correct horse A");
        open("/signups.html#" + sort);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("no-announcements"), "None sent"));

        By box = By.cssSelector("#announce-form textarea");
        browser.type(box, "Parking has moved to the back gate.\n");
        // someone signs up meanwhile: the signup reloads live, and what she is writing stays
        signups.assign(
                sort, signups.allSlots(sort).get(0).id(), signups.volunteer(orgA, "9001", "Maya Cruz"), "messenger");
        signupEvents.changed(orgA, sort);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("slots"), "1 of 3 confirmed"));
        browser.type(box, "Bring gloves!");
        browser.click(By.cssSelector("#announce-form button"));

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("announce-status"), "Sent to 0 of 1 person with a place to come."));
        assertThat(text("#announce-status"))
                .as("Maya never wrote to the page in Messenger")
                .contains("The others never wrote to the page in Messenger")
                .contains("their e-mails are in the CSV");
        assertThat(text("#announcements li .announcement-text"))
                .isEqualTo("Parking has moved to the back gate.\nBring gloves!");
        assertThat(browser.driver.findElements(By.id("no-announcements"))).isEmpty();
        assertThat(browser.attribute(box, "value")).isEmpty();
        assertThat(jdbc.queryForList("select text from signup_announcements where signup_id = ?", String.class, sort))
                .containsExactly("Parking has moved to the back gate.\nBring gloves!");
        browser.screenshot("signup-announcement-sent");
    }

    private static SignupRequest signup(String title, Instant start, Instant end) {
        return new SignupRequest(
                title, null, null, null, List.of(new SignupRequest.SlotRequest(null, start, end, null, 3)), null);
    }

    private String text(String css) {
        return browser.text(css);
    }

    private void comment(String commentId, String authorId, String name) {
        comment(commentId, authorId, name, VOLUNTEERING);
    }

    private void comment(String commentId, String authorId, String name, String text) {
        assertThat(facebook.postSigned(FacebookPayloads.commentsAt(
                                PAGE_A, List.of(new Comment(commentId, authorId, name, text)), Instant.now()))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from messages where external_id = ?", Integer.class, commentId)
                        == 1);
    }

    private long messageId(String externalId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from messages where external_id = ?", Integer.class, externalId)
                        == 1);
        return jdbc.queryForObject("select id from messages where external_id = ?", Long.class, externalId);
    }

    private String bucketStart(String externalId) {
        long epoch = jdbc.queryForObject(
                "select extract(epoch from created_at)::bigint from messages where external_id = ?",
                Long.class,
                externalId);
        return Instant.ofEpochSecond(epoch - Math.floorMod(epoch, 600)).toString();
    }

    /** How many of these messages fall in the 10-minute bucket starting at {@code bucket}. */
    private long inBucket(String bucket, String... externalIds) {
        return Arrays.stream(externalIds)
                .filter(id -> bucketStart(id).equals(bucket))
                .count();
    }

    /** The element shows the sentiment stored for the message, or neutral where the model was not confident. */
    private void assertSentimentColour(By element, String externalId) {
        String shown = jdbc.queryForObject(
                """
                select c.label, c.score from classifications c join messages m on m.id = c.message_id
                 where m.external_id = ? and c.analyzer = 'sentiment'
                """, (rs, n) -> SentimentColours.shown(rs.getString(1), rs.getDouble(2)), externalId);
        assertThat(browser.attribute(element, "data-sentiment")).isEqualTo(shown);
        SentimentColours.assertColour(shown, browser.cssValue(element, "border-left-color"));
    }
}
