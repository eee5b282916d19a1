package org.voluntree.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.voluntree.app.testing.OrganisationFixture;
import org.voluntree.app.testing.TestServers;
import org.voluntree.contracts.model.ModelRegistry;
import org.voluntree.contracts.redis.RedisNames;

/**
 * An owner manages the sentiment model from the settings page in real headless Chromium: trains a
 * new version (a real training job on the public review sets), reloads the page and finds the job
 * again, sees the new version listed with its held-out accuracy, activates it, and rolls back; a
 * viewer sees the versions and none of the buttons.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "voluntree.training.shared-data=${voluntree.repo.root}/../shared/data")
@Import(OrganisationFixture.class)
@DirtiesContext
class ModelsBrowserIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "web,workers");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrganisationFixture fixture;

    @Autowired
    StatefulRedisConnection<String, byte[]> redis;

    String base;
    Browser browser;
    ModelRegistry registry;
    int original;

    @BeforeEach
    void setUp() {
        fixture.deleteAllOrganisations();
        long org = fixture.organisation("Riverside Food Bank");
        fixture.admin(org, "ana@riverside.example", "correct horse A", "owner");
        fixture.admin(org, "vic@riverside.example", "correct horse V", "viewer");
        base = "http://127.0.0.1:" + port;
        registry = new ModelRegistry(redis.sync());
        original = registry.activeVersion("sentiment").orElseThrow();
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
        if (registry.activeVersion("sentiment").orElseThrow() != original) {
            registry.activate("sentiment", original);
        }
    }

    @Test
    void anOwnerTrainsActivatesAndRollsBackTheSentimentModel() {
        browser.logIn(base, "ana@riverside.example", "correct horse A");
        browser.open(base + "/settings.html");
        showVersions();
        browser.wait.until(ExpectedConditions.attributeContains(versionRow(original), "class", "active"));

        List<String> jobsBefore = recentJobs();
        // a double click, both clicks before the page can redraw: one job
        browser.wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-versions-of=sentiment] button.train")));
        browser.driver.executeScript(
                "const train = document.querySelector('tr[data-versions-of=sentiment] button.train');"
                        + " train.click(); train.click();");
        browser.wait.until(ExpectedConditions.textMatches(
                By.cssSelector("tr[data-versions-of=sentiment] .status"),
                Pattern.compile("^(Queued|Training|Trained).*")));
        // a reload while the job runs (or after it ended) finds the job again
        browser.open(base + "/settings.html");
        showVersions();
        new WebDriverWait(browser.driver, Duration.ofMinutes(5))
                .until(ExpectedConditions.textMatches(
                        By.cssSelector("tr[data-versions-of=sentiment] .status"),
                        Pattern.compile("^(Trained|Training failed|Refused).*")));
        String status = browser.text("tr[data-versions-of=sentiment] .status");
        List<Integer> stored = registry.versions("sentiment");
        int trained = stored.get(stored.size() - 1);
        assertThat(status).isEqualTo("Trained: stored as sentiment v" + trained + ", not activated.");
        assertThat(trained).isGreaterThan(original);
        assertThat(browser.text("tr[data-versions-of=sentiment] tbody tr:first-child"))
                .as("the newest version first, with its accuracy on imdb")
                .startsWith("v" + trained)
                .contains("accuracy");
        assertThat(registry.activeVersion("sentiment"))
                .as("stored, not activated")
                .contains(original);
        List<String> jobsAfter = recentJobs();
        assertThat(jobsAfter.subList(0, jobsAfter.size() - jobsBefore.size()))
                .as("one job queued for the double click")
                .hasSize(1);
        browser.screenshot("models-trained");

        click("tr[data-versions-of=sentiment] tr[data-version='" + trained + "'] button.activate");
        browser.wait.until(ExpectedConditions.attributeContains(versionRow(trained), "class", "active"));
        browser.wait.until(ExpectedConditions.textToBe(
                By.cssSelector("#models tr[data-analyzer=sentiment] td.active-version"), Integer.toString(trained)));
        assertThat(registry.activeVersion("sentiment")).contains(trained);
        assertThat(browser.text("tr[data-versions-of=sentiment] .status")).isEqualTo("Activated v" + trained + ".");
        browser.screenshot("models-activated");

        click("tr[data-versions-of=sentiment] button.rollback");
        browser.wait.until(ExpectedConditions.attributeContains(versionRow(original), "class", "active"));
        assertThat(registry.activeVersion("sentiment")).contains(original);
        assertThat(browser.text("#models tr[data-analyzer=sentiment] td.active-version"))
                .isEqualTo(Integer.toString(original));

        // a version nobody activated can be deleted, after a confirmation; one that was active cannot
        int spare = registry.store(registry.artifact("sentiment", original));
        browser.open(base + "/settings.html");
        showVersions();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(versionRow(spare)));
        assertThat(browser.driver.findElements(By.cssSelector(
                        "tr[data-versions-of=sentiment] tr[data-version='" + trained + "'] button.delete")))
                .as("v" + trained + " has been active")
                .isEmpty();
        click("tr[data-versions-of=sentiment] tr[data-version='" + spare + "'] button.delete");
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(versionRow(spare)));
        assertThat(browser.text("tr[data-versions-of=sentiment] .status")).isEqualTo("Deleted v" + spare + ".");
        assertThat(registry.versions("sentiment")).contains(original, trained).doesNotContain(spare);

        browser.driver.findElement(By.id("logout")).click();
        browser.wait.until(ExpectedConditions.urlContains("/login.html"));
        browser.logIn(base, "vic@riverside.example", "correct horse V");
        browser.open(base + "/settings.html");
        showVersions();
        browser.wait.until(ExpectedConditions.attributeContains(versionRow(original), "class", "active"));
        assertThat(browser.text("tr[data-versions-of=sentiment]")).contains("Admins and owners activate versions.");
        assertThat(browser.driver.findElements(By.cssSelector("tr[data-versions-of=sentiment] button")))
                .as("no train, activate, rollback or delete button for a viewer")
                .isEmpty();
    }

    private List<String> recentJobs() {
        return redis.sync().lrange(RedisNames.recentTrainingJobs("sentiment"), 0, -1).stream()
                .map(id -> new String(id, StandardCharsets.UTF_8))
                .toList();
    }

    private void showVersions() {
        click("#models tr[data-analyzer=sentiment] button.versions-toggle");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-versions-of=sentiment] table.model-versions")));
    }

    private static By versionRow(int version) {
        return By.cssSelector("tr[data-versions-of=sentiment] tr[data-version='" + version + "']");
    }

    /** Clicks the element once it is there (the table is redrawn after every change). */
    private void click(String css) {
        browser.wait.until(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }
}
