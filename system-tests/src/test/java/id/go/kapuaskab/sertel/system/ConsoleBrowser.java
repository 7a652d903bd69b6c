package id.go.kapuaskab.sertel.system;

import id.go.kapuaskab.sertel.testsupport.DebianPackages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed when missing) driving the web
 * console through the gateway, as a person would: it opens addresses, logs in on the issuer's login page, fills in and
 * clicks, and waits for what the page shows (explicit waits, never sleeps). Each {@link #step} keeps a screenshot under
 * {@code target/screenshots/} and runs the accessibility check on the page. Files the console saves land in
 * {@code target/downloads/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(40);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path downloads;
    private final java.util.Set<Path> handedOut = new java.util.HashSet<>();
    private final String base;
    private int shots;

    private ConsoleBrowser(ChromeDriver driver, Path downloads, String base) {
        this.driver = driver;
        // a page that draws itself again replaces its elements: a stale one is looked up again, not an error
        this.wait = (WebDriverWait) new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class);
        this.downloads = downloads;
        this.base = base;
    }

    /** A browser on the console of the gateway at {@code base} (http://localhost:port: the registered redirect URI's origin). */
    static ConsoleBrowser start(String base) {
        Path chromium = DebianPackages.ensure("chromium", "chromium");
        Path chromedriver = DebianPackages.ensure("chromedriver", "chromium-driver");
        try {
            Path downloads = Path.of("target", "downloads").toAbsolutePath();
            Files.createDirectories(downloads);
            try (Stream<Path> old = Files.list(downloads)) {    // an earlier test's or run's key must never be taken for this one's
                for (Path p : old.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.createDirectories(SCREENSHOTS);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=id-ID", "--password-store=basic");
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("safebrowsing.enabled", false);
            prefs.put("profile.default_content_setting_values.automatic_downloads", 1);
            prefs.put("intl.accept_languages", "id-ID,id");
            options.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            return new ConsoleBrowser(new ChromeDriver(service, options), downloads, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    /** Opens an address of the console (a path) or a whole URL (a link from a mail). A new page: no session in memory. */
    ConsoleBrowser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return this;
    }

    /**
     * Logs in on the issuer's page, where the console sent the browser: e-mail and password, then the authenticator's
     * code when asked; waits until the console shows the signed-in frame again.
     */
    ConsoleBrowser login(String email, String password, Authenticator authenticator) {
        waitFor(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        if (authenticator != null) {
            waitFor(By.id("otp")).sendKeys(authenticator.code());
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
        }
        waitFor(By.id("logout"));
        return this;
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitGone(By by) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** Waits until the page's heading is {@code text} (each page has one h1, focused after a move). */
    ConsoleBrowser onPage(String heading) {
        try {
            wait.until(d -> d.findElement(By.id("main")).getAttribute("aria-busy") == null
                    && d.findElements(By.cssSelector("main h1")).stream().anyMatch(h -> heading.equals(h.getText())));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the page \"" + heading + "\", the browser shows " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        return this;
    }

    /** Back to a clean state between tests: the default language (Indonesian), a desktop window, no login in memory. */
    void reset() {
        driver.get(base + "/reset-kata-sandi");
        driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        phone(false);
    }

    /** A screenshot named after a failed test, for the one who reads the report. */
    void failed(String test) {
        try {
            Files.write(SCREENSHOTS.resolve("FAILED-" + test + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // the report of the failure itself matters more
        }
    }

    /**
     * Ticks each of the {@code count} boxes the locator finds, and waits until all are ticked as the page shows them
     * now: a box ticked just before the page drew its form again would be a fresh, empty one.
     */
    void tickAll(By boxes, int count) {
        wait.until(d -> {
            List<WebElement> found = d.findElements(boxes);
            if (found.size() != count) {
                return false;
            }
            for (WebElement box : found) {
                if (!box.isSelected()) {
                    box.click();
                }
            }
            return d.findElements(boxes).stream().allMatch(WebElement::isSelected);
        });
    }

    /**
     * The text of the element once it is shown, read inside the wait: the console re-renders parts of a page, and an
     * element found before a re-render is stale when its text is read afterwards.
     */
    String text(By by) {
        return wait.until(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e.getText() : null;
        });
    }

    /** Waits until the element holds {@code text} and answers all of its text, read in the same look (see {@link #text}). */
    String textContaining(By by, String text) {
        return wait.until(d -> {
            String t = d.findElement(by).getText();
            return t.contains(text) ? t : null;
        });
    }

    WebElement waitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /** Waits until an element, shown or folded away (in a closed {@code details}), holds text starting with {@code prefix}. */
    String waitContent(By by, String prefix) {
        return wait.until(d -> d.findElements(by).stream().map(e -> e.getAttribute("textContent")).filter(t -> t != null && t.startsWith(prefix))
                .findFirst().orElse(null));
    }

    ConsoleBrowser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    ConsoleBrowser type(By by, String text) {
        WebElement el = waitFor(by);
        el.clear();
        el.sendKeys(text);
        return this;
    }

    /** The notice the last action left (success, or the API's problem with its title and detail). */
    String notice() {
        return text(By.cssSelector("main .outlet .notice, main .notice.success"));
    }

    /** A screenshot of the page as it is now (target/screenshots/NN-name.png) and the accessibility check of it. */
    ConsoleBrowser step(String name) {
        shots++;
        try {
            Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", shots, name));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Axe.check(driver, name);
        return this;
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** A phone's screen (390 × 844 CSS pixels), or back to a desktop's. */
    ConsoleBrowser phone(boolean phone) {
        driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 1000));
        return this;
    }

    /**
     * Waits for a file the page saved whose name matches, complete (not a .crdownload any more), and not handed out
     * before: the newest such file (a person's first and renewed key files match the same name pattern).
     */
    Path downloaded(Predicate<String> name) {
        Path file = wait.until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> name.test(f.getFileName().toString()))
                        .filter(f -> !f.getFileName().toString().endsWith(".crdownload"))
                        .filter(f -> !handedOut.contains(f))
                        .max(java.util.Comparator.comparing(ConsoleBrowser::modified)).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        handedOut.add(file);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
