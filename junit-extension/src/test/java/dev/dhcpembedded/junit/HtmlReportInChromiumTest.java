package dev.dhcpembedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dhcpembedded.report.HtmlReport;
import dev.dhcpembedded.report.SampleJournals;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser: Debian's {@code chromium}, driven by Selenium through {@code chromedriver},
 * headless. Each test loads a report, checks its DOM (one arrow per journal entry, the closest message highlighted),
 * that the page logged no console error (its Content-Security-Policy would log one for anything it blocked), and
 * saves a screenshot under {@code target/html-report-screenshots/}. Without chromium the class is skipped with the
 * reason; under CI ({@code dhcp.requireRealHosts=true}) it fails instead.
 */
class HtmlReportInChromiumTest {

    static final Path OUT = Path.of("target", "html-report-browser");
    static final Path SCREENSHOTS = Path.of("target", "html-report-screenshots");

    /** Selenium looks for a DevTools binding of chromium's version, which this test does not use: quiet. */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    private static WebDriver browser;

    @BeforeAll
    static void startChromium() {
        Optional<Path> chromium = executable("chromium");
        Optional<Path> driver = executable("chromedriver");
        Optional<String> missing = chromium.isEmpty() ? Optional.of("chromium is not installed (apt-get install "
                + "chromium chromium-driver)") : driver.isEmpty() ? Optional.of("chromedriver is not installed "
                + "(apt-get install chromium-driver)") : Optional.empty();
        if (missing.isPresent()) {
            if (Boolean.getBoolean("dhcp.requireRealHosts")) {
                Assertions.fail(missing.get() + " (dhcp.requireRealHosts=true, so this test may not be skipped)");
            }
            Assumptions.abort(missing.get());
        }
        DEVTOOLS.setLevel(Level.OFF);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1600,1200", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Optional<Path> executable(String name) {
        return Stream.concat(Stream.of("/usr/bin"), Stream.of(System.getenv().getOrDefault("PATH", "")
                        .split(File.pathSeparator)))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    /** Loads {@code file} and returns what the page logged to the console at the level of an error. */
    private static List<String> load(Path file) {
        browser.manage().logs().get(LogType.BROWSER); // drops what an earlier page logged
        browser.get(file.toAbsolutePath().toUri().toString());
        assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString)
                .collect(Collectors.toList());
    }

    private static Path screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), png,
                StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot of the HTML report: " + png);
        return png;
    }

    @Test
    void a_failed_tests_report_draws_every_entry_and_highlights_the_closest_message() throws Exception {
        FailedTestReportTest.Run run = FailedTestReportTest.run(OUT);
        Path report = run.written().report().orElseThrow();

        List<String> errors = load(report);

        assertThat(errors).as("console errors").isEmpty();
        assertThat(browser.findElements(By.cssSelector("main.ladder g.arrow"))).hasSize(run.entries());
        List<WebElement> highlighted = browser.findElements(By.cssSelector("g.arrow.closest"));
        assertThat(highlighted).singleElement().satisfies(arrow ->
                assertThat(arrow.getDomAttribute("data-seq")).isEqualTo(String.valueOf(run.closest())));
        WebElement closestRow = browser.findElement(By.cssSelector("details.msg.closest"));
        assertThat(closestRow.getDomAttribute("id")).isEqualTo("m" + run.closest());
        assertThat(closestRow.getDomProperty("open")).as("the closest message is open").isEqualTo("true");
        assertThat(closestRow.findElement(By.cssSelector("summary")).getCssValue("background-color"))
                .as("its row is highlighted, so the style applied").isEqualTo("rgba(255, 241, 194, 1)");
        assertThat(closestRow.findElement(By.cssSelector(".pane")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.tagName("img"))).as("the hostile host name stayed text").isEmpty();
        assertThat(browser.findElement(By.cssSelector("main.ladder")).getText()).contains(FailedTestReportTest.HOSTILE);
        screenshot("failed-test-report");

        WebElement first = browser.findElement(By.id("m1"));
        assertThat(first.findElement(By.cssSelector(".pane")).isDisplayed()).isFalse();
        first.findElement(By.tagName("summary")).click();
        assertThat(first.findElement(By.cssSelector(".pane")).isDisplayed()).as("a click opens the fields").isTrue();
        assertThat(first.findElement(By.cssSelector(".pane")).getText()).contains("Transaction ID")
                .contains("Option (12) HOST_NAME");
        browser.findElement(By.id("expand")).click();
        assertThat(browser.findElements(By.cssSelector("details.msg:not([open])"))).as("the page's script ran")
                .isEmpty();
        assertThat(load(report)).isEmpty();
    }

    @Test
    void dhcpv6_a_router_advertisement_and_a_dropped_datagram_render_without_a_console_error() throws Exception {
        Path report = OUT.resolve("every-kind.html");
        HtmlReport.of(SampleJournals.everyKind()).titled("DHCPv4, DHCPv6, RA, a dropped datagram")
                .failed("Expecting a REQUEST").closest(3).write(report);

        assertThat(load(report)).as("console errors").isEmpty();
        assertThat(browser.findElements(By.cssSelector("main.ladder g.arrow"))).hasSize(7);
        assertThat(browser.findElements(By.cssSelector("g.arrow.closest"))).singleElement()
                .satisfies(a -> assertThat(a.getDomAttribute("data-seq")).isEqualTo("3"));
        assertThat(browser.findElements(By.cssSelector("g.arrow.malformed"))).hasSize(1);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        screenshot("every-kind-report");
        browser.findElement(By.id("expand")).click();
        assertThat(browser.findElement(By.id("m5")).getText()).contains("Router Advertisement")
                .contains("Prefix information: 2001:db8:1::/64");
    }

    @Test
    void the_console_check_sees_a_script_the_pages_policy_blocks() throws Exception {
        Path report = OUT.resolve("tampered.html");
        String html = HtmlReport.of(SampleJournals.everyKind()).render();
        Files.createDirectories(OUT);
        Files.writeString(report, html.replace("\"use strict\";", "\"use strict\"; "));

        assertThat(load(report)).as("a script whose hash the policy does not list is refused, loudly")
                .anySatisfy(line -> assertThat(line).contains("Content Security Policy"));
    }
}
