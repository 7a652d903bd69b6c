package id.go.kapuaskab.sertel.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code openssl} binary, the outside client every test of our CA answers to: it makes the applicants' keys
 * and CSRs, and judges what the CA hands out ({@code verify}, {@code ocsp}, {@code crl}, {@code pkcs12}, {@code ts}).
 * Files go to {@code target/openssl}.
 */
public final class Openssl {

    /** Exit code and everything it printed. */
    public record Result(int exit, String output) {
    }

    /** A key pair made by openssl (the private key stays in its file) and a CSR for it. */
    public record Csr(Path key, String pem) {
    }

    private static final Path DIR = Path.of("target", "openssl");

    private Openssl() {
    }

    /** Runs openssl (installed when missing) with these arguments; its output is read while it runs, so no pipe fills up. */
    public static Result run(String... args) {
        DebianPackages.ensure("openssl", "openssl");
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            return new Result(p.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot read openssl's output: " + command, e);
        }
    }

    /** A new P-256 key and a CSR for it with a placeholder subject. */
    public static Csr newCsr() {
        return newCsr(null);
    }

    /**
     * A new P-256 key and a CSR for it that names {@code email} (subject emailAddress and SAN rfc822Name), as our CA
     * requires of an applicant's CSR; null names none.
     */
    public static Csr newCsr(String email) {
        Path key = file("key", new byte[0]);
        Result r = run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
        if (r.exit() != 0) {
            throw new IllegalStateException(r.output());
        }
        return new Csr(key, csr(key, email));
    }

    /** Another CSR for an existing key. */
    public static String csr(Path key, String email) {
        Path csr = file("csr", new byte[0]);
        List<String> args = new ArrayList<>(List.of("req", "-new", "-key", key.toString(), "-out", csr.toString()));
        if (email == null) {
            args.addAll(List.of("-subj", "/CN=sertel applicant key"));
        } else {
            args.addAll(List.of("-subj", "/CN=sertel applicant key/emailAddress=" + email, "-addext", "subjectAltName=email:" + email));
        }
        Result r = run(args.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new IllegalStateException(r.output());
        }
        try {
            return Files.readString(csr);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path file(String prefix, String content) {
        return file(prefix, content.getBytes(StandardCharsets.US_ASCII));
    }

    public static Path file(String prefix, byte[] content) {
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
