package id.go.kapuaskab.sertel.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The accessibility check: Deque's axe-core (from npm, pinned by {@code axe-core.version} in the pom, installed under
 * {@code target/axe} at the first use) run in the page through WebDriver, with the WCAG 2.1 A and AA rules. A serious or
 * critical violation fails the test; every finding goes to {@code target/axe/findings.txt}.
 */
final class Axe {

    private static final Path DIR = Path.of("target", "axe");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {
    }

    static void check(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source());
        }
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))})))))
                  .catch(e => done('ERROR ' + e));""");
        String text = String.valueOf(answer);
        if (text.startsWith("ERROR")) {
            throw new AssertionError("axe-core could not run on " + page + ": " + text);
        }
        List<String> serious = new ArrayList<>();
        try {
            JsonNode violations = JSON.readTree(text);
            StringBuilder log = new StringBuilder();
            for (JsonNode v : violations) {
                String line = page + ": " + v.path("impact").asText() + " " + v.path("id").asText() + " — " + v.path("help").asText() + " "
                        + v.path("nodes");
                log.append(line).append('\n');
                if ("serious".equals(v.path("impact").asText()) || "critical".equals(v.path("impact").asText())) {
                    serious.add(line);
                }
            }
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("findings.txt"), log.length() == 0 ? page + ": no violations\n" : log.toString(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!serious.isEmpty()) {
            throw new AssertionError("accessibility (axe-core) on " + page + ":\n" + String.join("\n", serious));
        }
    }

    private static synchronized String source() {
        if (source == null) {
            Path file = DIR.resolve("node_modules/axe-core/axe.min.js");
            String version = System.getProperty("axe-core.version", "4.11.4");
            try {
                if (!Files.exists(file)) {
                    Files.createDirectories(DIR);
                    Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", DIR.toString(),
                            "axe-core@" + version).redirectErrorStream(true).start();
                    String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(file)) {
                        throw new IllegalStateException("npm install axe-core@" + version + " failed:\n" + out);
                    }
                }
                source = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return source;
    }
}
