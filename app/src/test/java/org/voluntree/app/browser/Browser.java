package org.voluntree.app.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system packages ({@code apt-get install chromium chromium-driver}),
 * with the flags that keep it off the network, and a fresh profile per browser. Selenium Manager
 * is never asked to download anything: driver and browser paths are given.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("voluntree.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("voluntree.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        try {
            profile = Files.createTempDirectory("voluntree-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // live pages redraw as events arrive: an element found a moment ago may be replaced
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * The text of the element the selector finds now, read again if the page redrew it between the
     * find and the read (live pages replace whole lists as events arrive).
     */
    String text(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /**
     * Types into the element the locator finds now, found again if the page redrew it first (a live page
     * redraws when its socket connects and catches up, and as events arrive).
     */
    void type(By locator, String keys) {
        wait.until(d -> {
            d.findElement(locator).sendKeys(keys);
            return true;
        });
    }

    /** Clicks the element the locator finds now, found again if the page redrew it first. */
    void click(By locator) {
        wait.until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /** An attribute of the element the locator finds now (re-found if the page redrew it); waits for the element. */
    String attribute(By locator, String name) {
        return wait.until(
                d -> java.util.Objects.requireNonNullElse(d.findElement(locator).getAttribute(name), ""));
    }

    /** A computed style of the element the locator finds now (re-found if the page redrew it); waits for the element. */
    String cssValue(By locator, String property) {
        return wait.until(d -> d.findElement(locator).getCssValue(property));
    }

    /**
     * Logs in through the login form of the app at {@code base} and waits until the page it lands on
     * is live; a failed login leaves a screenshot and says what the page showed.
     */
    void logIn(String base, String email, String password) {
        driver.get(base + "/login.html");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        try {
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login.html")));
            wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
        } catch (TimeoutException e) {
            screenshot("login-failed");
            throw new AssertionError(
                    "not logged in as " + email + " at " + driver.getCurrentUrl() + ": "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    /** Opens a page of the dashboard and waits until its live connection is up. */
    void open(String url) {
        driver.get(url);
        wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            driver.executeScript("window.scrollTo(0, 0)");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
