package dev.cloakroom.demo;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser context: Debian's Chromium, headless, with a user-data dir of its own, so two of them
 * share no cookie. Driven through Debian's chromedriver; both paths are given to Selenium, so its
 * Selenium Manager never looks for, or downloads, a browser or a driver.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("cloakroom.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("cloakroom.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);
    /**
     * Silenced: it warns on every start that no DevTools module matches Debian's Chromium version,
     * which only matters to CDP features; this test speaks WebDriver alone. Held here, as the JDK
     * keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final String base;

    private Chromium(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /**
     * Starts a browser for the demo at {@code base}. Fails, never skips, when Chromium or its driver
     * is missing: the browser profile is asked for by name, so a missing browser is a broken setup.
     */
    static Chromium open(String base, Path userDataDir) {
        String install = "the browser test needs Debian's chromium and chromium-driver"
                + " (apt-get install -y chromium chromium-driver)";
        assertThat(BINARY).as(install).isExecutable();
        assertThat(DRIVER).as(install).isExecutable();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .withAppendLog(true)
                .build();
        // A 1000 x 800 window leaves headless Chromium a 1000 x 657 page, the size of each screenshot.
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir.toAbsolutePath(), "--window-size=1000,800");
        return new Chromium(new ChromeDriver(service, options), base);
    }

    /** Opens {@code path} on the demo and waits for the page it ends on. */
    void get(String path) {
        driver.get(base + path);
    }

    /** The path of the page shown now, after any redirects. */
    String path() {
        String url = driver.getCurrentUrl();
        assertThat(url).startsWith(base);
        return url.substring(base.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    long count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** The text of the page's body, as a person reads it. */
    String text() {
        return find("body").getText();
    }

    /** Fills in and sends the login form. */
    void logIn(String username, String password) {
        assertThat(path()).isEqualTo("/login");
        type("input[name=username]", username);
        type("input[name=password]", password);
        submitBy("form[action='/login'] button[type=submit]");
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks a form's button and waits until the page it was on has been replaced. */
    void submitBy(String css) {
        WebElement html = find("html");
        find(css).click();
        new WebDriverWait(driver, PAGE_WAIT).until(ExpectedConditions.stalenessOf(html));
        new WebDriverWait(driver, PAGE_WAIT).until(d -> "complete".equals(
                driver.executeScript("return document.readyState")));
    }

    /** Saves what the window shows now as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
