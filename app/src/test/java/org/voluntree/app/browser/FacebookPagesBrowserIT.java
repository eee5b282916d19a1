package org.voluntree.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.voluntree.app.facebook.GraphApi;
import org.voluntree.app.facebook.PageAccess;
import org.voluntree.app.signup.SignupEvents;
import org.voluntree.app.testing.ApiClient;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.SandboxClient;
import org.voluntree.app.testing.TestServers;
import tools.jackson.databind.JsonNode;

/**
 * The Facebook pages of the dashboard in headless Chromium against the app's own Facebook
 * sandbox: an admin connects a page with a pasted token and saves the answer texts in Settings,
 * creates a signup whose slot then shows a confirmed volunteer live, and hides an offensive
 * comment from the Moderation queue (the sandbox records the Graph call), composes a post and reads
 * its classified comments, and answers a Messenger conversation by hand from the Inbox.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "voluntree.facebook.sandbox.enabled=true",
            "voluntree.facebook.sandbox.webhook-url=http://127.0.0.1:9/unreachable"
        })
@Import(OrganisationFixture.class)
@DirtiesContext
class FacebookPagesBrowserIT {

    private static final String PAGE = "100000000000701";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignupEvents signupEvents;

    @Autowired
    GraphApi graph;

    String base;
    long organisation;
    SandboxClient sandbox;
    String pageToken;
    Browser browser;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        organisation = fixture.organisation("Riverside Food Bank", PAGE);
        fixture.admin(organisation, "ana@riverside.example", "correct horse A", "owner");
        fixture.admin(organisation, "ben@riverside.example", "correct horse B", "admin");
        base = "http://127.0.0.1:" + port;
        sandbox = new SandboxClient(port);
        sandbox.reset();
        pageToken = sandbox.pageToken(PAGE, "Riverside Food Bank");
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void anAdminConnectsAPageCreatesASignupAndHidesAnOffensiveComment() {
        logIn();

        // Settings: connect the page with its token, save what the answers say
        open("/settings.html");
        browser.driver
                .findElement(By.cssSelector("#connect input[name=pageToken]"))
                .sendKeys(pageToken);
        browser.driver.findElement(By.cssSelector("#connect button")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#pages tr[data-page-id='" + PAGE + "'] td.token"), "valid"));
        WebElement donations = browser.driver.findElement(By.cssSelector("#answers textarea[name=donationInfo]"));
        donations.sendKeys("Bank transfer to Riverside Food Bank");
        browser.driver
                .findElement(By.cssSelector("#answers input[name=auto][value=appreciation]"))
                .click();
        browser.driver
                .findElement(By.cssSelector("#answers button[type=submit]"))
                .click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("answers-status"), "Saved."));
        assertThat(jdbc.queryForObject(
                        "select donation_info from organisations where id = ?", String.class, organisation))
                .isEqualTo("Bank transfer to Riverside Food Bank");
        assertThat(jdbc.queryForObject(
                        "select 'appreciation' = any(auto_replies) from organisations where id = ?",
                        Boolean.class,
                        organisation))
                .isFalse();
        browser.screenshot("settings-pages-and-replies");

        // Signups: create one with a slot, then a volunteer confirms it (as the Messenger dialog does)
        open("/signups.html");
        browser.driver.findElement(By.id("new-signup")).click();
        browser.driver
                .findElement(By.cssSelector("#signup-form input[name=title]"))
                .sendKeys("Saturday sorting");
        browser.driver
                .findElement(By.cssSelector("#signup-form textarea[name=facts]"))
                .sendKeys("location: 3 Mill Lane");
        setValue("#signup-form .slot input[name=startsAt]", "2030-06-01T09:00");
        setValue("#signup-form .slot input[name=endsAt]", "2030-06-01T12:00");
        WebElement required = browser.driver.findElement(By.cssSelector("#signup-form .slot input[name=required]"));
        required.clear();
        required.sendKeys("3");
        browser.driver
                .findElement(By.cssSelector("#signup-form button[type=submit]"))
                .click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signups"), "Saturday sorting"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("slots"), "0 of 3 confirmed"));
        long signup = jdbc.queryForObject(
                "select id from signups where organisation_id = ? and title = ?",
                Long.class,
                organisation,
                "Saturday sorting");
        assertThat(jdbc.queryForObject("select facts->>'location' from signups where id = ?", String.class, signup))
                .isEqualTo("3 Mill Lane");
        long slot = jdbc.queryForObject("select id from signup_slots where signup_id = ?", Long.class, signup);
        long volunteer = jdbc.queryForObject("""
                insert into volunteers (organisation_id, facebook_user_id, name, first_seen_at)
                values (?, '9101', 'Maya Cruz', now()) returning id
                """, Long.class, organisation);
        jdbc.update("insert into slot_assignments (slot_id, volunteer_id) values (?, ?)", slot, volunteer);
        signupEvents.changed(organisation, signup);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#slots li[data-slot-id='" + slot + "'] .volunteer-names"), "Maya Cruz"));
        assertThat(text("#slots")).contains("1 of 3 confirmed");
        browser.screenshot("signups");

        // Moderation: a hateful comment on the page's post is queued above the threshold, and hidden
        String postId = graph.publishPost(new PageAccess(PAGE, pageToken), "Sorting this Saturday", null, null);
        String commentId = sandbox.post("/sandbox/simulate/comment", """
                {"pageId": "%s", "postId": "%s", "authorName": "Rude Person", "text": "you are all idiots"}
                """.formatted(PAGE, postId))
                .path("payload")
                .path("entry")
                .get(0)
                .path("changes")
                .get(0)
                .path("value")
                .path("comment_id")
                .asString();
        assertThat(commentId).isNotBlank();
        long hateful = comment(commentId, postId, "you are all idiots", "hate", 0.97f);
        long mild = comment(commentId + "_2", postId, "meh, whatever", "offensive", 0.6f);
        open("/moderation.html");
        By queued = By.cssSelector("#queue li[data-message-id='" + hateful + "']");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(queued));
        assertThat(browser.driver.findElements(By.cssSelector("#queue li[data-message-id='" + mild + "']")))
                .as("below the default threshold of 0.7")
                .isEmpty();
        assertThat(browser.attribute(queued, "data-sentiment")).isEqualTo("negative");
        browser.screenshot("moderation-queue");

        // the queue redraws on (re)connection: click whichever button is there now
        browser.wait.until(d -> {
            d.findElement(queued)
                    .findElement(By.cssSelector("button[data-action=hide]"))
                    .click();
            return true;
        });

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#handled tr[data-message-id='" + hateful + "'] td.action"), "hide"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(queued));
        JsonNode requests = sandbox.get("/sandbox/requests?method=POST").path("data");
        assertThat(requests.valueStream()
                        .filter(r -> r.path("path").asString().contains(commentId)
                                && "true"
                                        .equals(r.path("parameters")
                                                .path("is_hidden")
                                                .asString())
                                && r.path("status").asInt() == 200))
                .as("the sandbox saw the hide: %s", requests)
                .hasSize(1);
        assertThat(jdbc.queryForObject("""
                select action || ':' || outcome from moderation_actions where message_id = ?
                """, String.class, hateful)).isEqualTo("hide:done");
        browser.screenshot("moderation-handled");
        By handledRow = By.cssSelector("#handled tr[data-message-id='" + hateful + "']");
        browser.wait.until(d -> {
            d.findElement(handledRow)
                    .findElement(By.cssSelector("button[data-action=unhide]"))
                    .click();
            return true;
        });
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#handled tr[data-message-id='" + hateful + "'] td.action"), "unhide"));
        assertThat(sandbox.get("/sandbox/requests?method=POST")
                        .path("data")
                        .valueStream()
                        .filter(r -> r.path("path").asString().contains(commentId)
                                && "false"
                                        .equals(r.path("parameters")
                                                .path("is_hidden")
                                                .asString())))
                .as("the sandbox saw the unhide")
                .hasSize(1);
        assertThat(jdbc.queryForList(
                        "select action from moderation_actions where message_id = ? order by at, id",
                        String.class,
                        hateful))
                .containsExactly("hide", "unhide");

        // a second admin deletes the comment through the API: Ana's open page shows it without a reload
        browser.driver.executeScript("window.stillTheSamePage = true");
        ApiClient ben = ApiClient.basic(port, "ben@riverside.example", "correct horse B");
        assertThat(ben.post("/api/moderation/" + hateful + "/delete", "{}").statusCode())
                .isEqualTo(200);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#handled tr[data-message-id='" + hateful + "'] td.action"), "delete"));
        assertThat(browser.driver.executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);

        // Posts: compose a draft for the signup; once published, its comments show with their classifications
        open("/posts.html");
        browser.wait.until(d -> d.findElements(By.cssSelector("#compose select[name=pageId] option"))
                        .size()
                == 1);
        new org.openqa.selenium.support.ui.Select(
                        browser.driver.findElement(By.cssSelector("#compose select[name=signupId]")))
                .selectByVisibleText("Saturday sorting");
        browser.driver
                .findElement(By.cssSelector("#compose textarea[name=message]"))
                .sendKeys("Help us sort on Saturday");
        browser.driver
                .findElement(By.cssSelector("#compose button[type=submit]"))
                .click();
        browser.wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), "Help us sort on Saturday"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("detail"), "Comments appear once it is published"));
        long post = jdbc.queryForObject("select id from posts where signup_id = ?", Long.class, signup);
        assertThat(text("#posts tr[data-post-id='" + post + "'] .state")).isEqualTo("draft");
        jdbc.update(
                "update posts set state = 'published', published_at = now(), facebook_post_id = ? where id = ?",
                postId,
                post);
        browser.driver.navigate().refresh();
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
        browser.wait.until(d -> {
            d.findElement(By.cssSelector("#posts tr[data-post-id='" + post + "']"))
                    .click();
            return true;
        });
        browser.wait.until(d -> d.findElements(By.cssSelector("#comments li")).size() == 2);
        assertThat(text("#comments"))
                .as("the comment Ben deleted shows as removed, its text gone")
                .contains("offense: hate 97%")
                .contains("(removed)")
                .doesNotContain("you are all idiots");
        assertThat(text("#posts tr[data-post-id='" + post + "'] .state")).isEqualTo("published");
        browser.screenshot("posts");

        // Inbox: a person's Messenger message, taken over from the bot and answered by hand
        sandbox.post("/sandbox/simulate/message", """
                {"pageId": "%s", "psid": "9300", "text": "Can I bring my kids?"}
                """.formatted(PAGE));
        long asked = comment("m_9300_1", null, "Can I bring my kids?", "neither", 0.9f);
        jdbc.update(
                "update messages set kind = 'MESSAGE', author_id = '9300', author_name = 'Ike Obi' where id = ?",
                asked);
        open("/inbox.html");
        browser.driver.executeScript("window.stillTheSamePage = true");
        By conversation = By.cssSelector("#conversations tr[data-conversation='" + PAGE + "/9300']");
        browser.wait.until(d -> {
            d.findElement(conversation).click();
            return true;
        });
        By said = By.cssSelector("#entries li[data-from=person]");
        assertThat(browser.attribute(said, "data-sentiment")).isEqualTo("negative");
        assertThat(browser.cssValue(said, "border-left-color")).isEqualTo(SentimentColours.RED);
        browser.driver.findElement(By.id("takeover")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("handback")));
        browser.driver.findElement(By.cssSelector("#reply input[name=text]")).sendKeys("Yes, children are welcome!");
        browser.driver.findElement(By.cssSelector("#reply button")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#entries li[data-from=admin]"), "Yes, children are welcome!"));
        JsonNode sent = sandbox.get("/sandbox/messages?pageId=" + PAGE + "&recipientId=9300");
        assertThat(sent.path("count").asInt()).as("%s", sent).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status || ':' || tag from hand_replies", String.class))
                .as("outside the 24-hour window the reply is tagged")
                .isEqualTo("sent:HUMAN_AGENT");

        // Ben hands the conversation back to the bot from elsewhere: Ana's open thread follows, her draft kept
        browser.driver.findElement(By.cssSelector("#reply input[name=text]")).sendKeys("Half-typed answer");
        assertThat(ben.post("/api/inbox/" + PAGE + "/9300/handback", "{}").statusCode())
                .isEqualTo(200);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("takeover")));
        assertThat(browser.attribute(By.cssSelector("#reply input[name=text]"), "value"))
                .isEqualTo("Half-typed answer");
        assertThat(browser.driver.executeScript("return window.stillTheSamePage === true"))
                .isEqualTo(true);
        browser.screenshot("inbox");
    }

    private long comment(String externalId, String postId, String text, String offense, float score) {
        long page = jdbc.queryForObject("select id from pages where facebook_page_id = ?", Long.class, PAGE);
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        long id = jdbc.queryForObject("""
                insert into messages (organisation_id, page_id, external_id, kind, post_id, author_id, author_name, text,
                                      created_at, received_at)
                values (?, ?, ?, 'COMMENT', ?, '9200', 'Rude Person', ?, ?, ?) returning id
                """, Long.class, organisation, page, externalId, postId, text, now, now);
        jdbc.update("""
                insert into classifications (message_id, analyzer, model_version, label, score, scores)
                values (?, 'offense', 1, ?, ?, '{0.5,0.3,0.2}'), (?, 'sentiment', 1, 'negative', 0.9, '{0.9,0.1}')
                """, id, offense, score, id);
        return id;
    }

    private void logIn() {
        browser.logIn(base, "ana@riverside.example", "correct horse A");
    }

    private void open(String path) {
        browser.open(base + path);
    }

    private void setValue(String css, String value) {
        browser.driver.executeScript(
                "arguments[0].value = arguments[1]", browser.driver.findElement(By.cssSelector(css)), value);
    }

    private String text(String css) {
        return browser.text(css);
    }
}
