package id.go.kapuaskab.sertel.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code openssl} binary as an outside client of our CA. */
public final class Openssl {

    /** Exit code and everything it printed. */
    public record Result(int exit, String output) {
    }

    private Openssl() {
    }

    public static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String prefix, String content) {
        return file(prefix, content.getBytes(StandardCharsets.US_ASCII));
    }

    public static Path file(String prefix, byte[] content) {
        try {
            Path dir = Path.of("target", "openssl");
            Files.createDirectories(dir);
            Path f = Files.createTempFile(dir, prefix, "");
            Files.write(f, content);
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
