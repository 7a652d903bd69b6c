package id.go.kapuaskab.sertel.notification.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An outside checker of our signatures: the reference implementation of Standard Webhooks (npm {@code standardwebhooks}),
 * run with the machine's Node.js. It is installed into {@code target/webhook-verifier} when missing; the script
 * {@code verify-webhooks.js} (test resources) verifies each message's headers and body against a secret.
 */
public final class NodeVerifier {

    public static final String PACKAGE = "standardwebhooks@1.3.0";
    private static final Path HOME = Path.of("target", "webhook-verifier").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the script said: its exit code and one line per message. */
    public record Verdict(int exit, List<String> lines) {
        public String output() {
            return String.join("\n", lines);
        }
    }

    /** One message to check: a secret, the request as received, and a label for the output. */
    public record Message(String secret, WebhookReceiver.Received request, String label) {
    }

    private NodeVerifier() {
    }

    public static Verdict verify(List<Message> messages) {
        install();
        try {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Message m : messages) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("secret", m.secret());
                entry.put("headers", Map.of("webhook-id", m.request().id(), "webhook-timestamp", m.request().timestamp(),
                        "webhook-signature", m.request().signature()));
                entry.put("body", m.request().body());
                entry.put("receivedAtMillis", m.request().receivedAt().toEpochMilli());
                entry.put("label", m.label());
                list.add(entry);
            }
            Path input = Files.createTempFile(HOME, "messages-", ".json");
            JSON.writeValue(input.toFile(), Map.of("messages", list));
            Path script = HOME.resolve("verify-webhooks.js");
            try (InputStream in = NodeVerifier.class.getResourceAsStream("/verify-webhooks.js")) {
                Files.write(script, in.readAllBytes());
            }
            Process p = new ProcessBuilder("node", script.toString(), input.toString()).directory(HOME.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("node did not finish");
            }
            Files.deleteIfExists(input);
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            lines.forEach(l -> System.out.println("[standardwebhooks] " + l));
            return new Verdict(p.exitValue(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void install() {
        if (Files.isDirectory(HOME.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        try {
            Files.createDirectories(HOME);
            Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", HOME.toString(), PACKAGE)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("npm install " + PACKAGE + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("npm and node are needed for this test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
