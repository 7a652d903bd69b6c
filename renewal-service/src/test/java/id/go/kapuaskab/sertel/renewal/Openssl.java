package id.go.kapuaskab.sertel.renewal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code openssl} binary: makes the applicants' keys and CSRs and checks what our CA hands out. */
final class Openssl {

    /** Exit code and everything it printed. */
    record Result(int exit, String output) {
    }

    /** A key pair made by openssl (the private key stays in the file) and its CSR. */
    record Csr(Path key, String pem) {
    }

    private static final Path DIR = Path.of("target", "openssl");

    private Openssl() {
    }

    static Result run(String... args) {
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

    /** A new P-256 key and a CSR for it (the subject in the CSR is ignored by our CA). */
    static Csr newCsr() {
        Path key = file("key", new byte[0]);
        Path csr = file("csr", new byte[0]);
        Result r = run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=ignored",
                "-keyout", key.toString(), "-out", csr.toString());
        if (r.exit() != 0) {
            throw new IllegalStateException(r.output());
        }
        try {
            return new Csr(key, Files.readString(csr));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String prefix, String content) {
        return file(prefix, content.getBytes(StandardCharsets.US_ASCII));
    }

    static Path file(String prefix, byte[] content) {
        try {
            Files.createDirectories(DIR);
            Path f = Files.createTempFile(DIR, prefix, "");
            Files.write(f, content);
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
