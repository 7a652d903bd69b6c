package id.go.kapuaskab.sertel.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code openssl} binary as the outside tool applicants and relying parties use: it makes the applicant's
 * keys and CSRs, and judges what the CA hands out ({@code verify}, {@code ocsp}, {@code crl}, {@code pkcs12}). Files
 * live in one work directory per run; passphrases reach openssl through the environment, never the command line.
 * Every command and its verdict is narrated.
 */
public final class OpenSsl {

    /** Exit code and everything openssl printed. */
    public record Result(int exit, String output) {
    }

    private final Path dir;
    private final Narrator narrator;

    public OpenSsl(Path dir, Narrator narrator) {
        this.dir = dir;
        this.narrator = narrator;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path write(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key pair of the applicant: the key file, which never leaves this directory, and the CSR (PEM) that is sent. */
    public record KeyAndCsr(Path key, String csr) {
    }

    /**
     * {@code openssl req -newkey}: a new EC P-256 key ({@code name.key}) and its PKCS#10 CSR naming the applicant's
     * official e-mail in subjectAltName, which the CA requires (it binds the CSR to its applicant). The subject is a
     * placeholder: the CA takes the subject from the approved applicant data, never from the CSR.
     */
    public KeyAndCsr newKeyAndCsr(String name, String email) {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        expect(line -> false, Map.of(), "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key.toString(), "-subj", "/CN=sertel applicant key", "-addext", "subjectAltName=email:" + email,
                "-out", csr.toString());
        return new KeyAndCsr(key, read(csr));
    }

    /** A PKCS#10 CSR for an existing key (PEM), with the same placeholder subject and e-mail. */
    public String csr(Path key, String name, String email) {
        Path csr = dir.resolve(name + ".csr");
        expect(line -> false, Map.of(), "req", "-new", "-key", key.toString(), "-subj", "/CN=sertel applicant key",
                "-addext", "subjectAltName=email:" + email, "-out", csr.toString());
        return read(csr);
    }

    /** {@code openssl verify -x509_strict}: fails unless the certificate chains to the CA chain file. */
    public void verify(Path chain, Path cert) {
        String out = expect(line -> true, Map.of(), "verify", "-x509_strict", "-CAfile", chain.toString(), cert.toString());
        if (!out.trim().equals(cert + ": OK")) {
            throw new JourneyFailure("openssl verify did not say OK:\n" + out);
        }
    }

    public String subject(Path cert) {
        return expect(line -> true, Map.of(), "x509", "-in", cert.toString(), "-noout", "-subject",
                "-nameopt", "utf8,sep_comma_plus_space,space_eq").trim();
    }

    /** The certificate's serial as openssl prints it (upper-case hex). */
    public String serial(Path cert) {
        return expect(line -> true, Map.of(), "x509", "-in", cert.toString(), "-noout", "-serial").trim().replaceFirst("^serial=", "");
    }

    /** The URI of the certificate's CRL distribution point. */
    public String crlUrl(Path cert) {
        String out = expect(line -> line.contains("URI:"), Map.of(), "x509", "-in", cert.toString(), "-noout", "-ext", "crlDistributionPoints");
        return out.lines().map(String::trim).filter(l -> l.startsWith("URI:")).map(l -> l.substring(4)).findFirst()
                .orElseThrow(() -> new JourneyFailure("the certificate names no CRL distribution point:\n" + out));
    }

    /** {@code openssl ocsp} against the responder; the response's signature is verified against the CA chain. */
    public String ocsp(Path issuing, Path root, Path cert, String url) {
        return expect(line -> line.contains("verify") || line.contains(cert.toString()) || line.contains("Reason")
                        || line.contains("Revocation Time"), Map.of(),
                "ocsp", "-issuer", issuing.toString(), "-cert", cert.toString(), "-url", url,
                "-CAfile", root.toString(), "-verify_other", issuing.toString());
    }

    /**
     * {@code openssl ocsp} for a serial number, without a nonce: the request a relying party's cache or an RFC 5019
     * client sends, which the responder may answer from its cache of signed answers. The answer's signature is verified
     * against the CA chain; the output has a line {@code 0x<serial>: good} (or {@code revoked}).
     */
    public String ocspWithoutNonce(Path issuing, Path root, String serial, String url) {
        return expect(line -> line.contains("verify") || line.startsWith("0x"), Map.of(),
                "ocsp", "-issuer", issuing.toString(), "-serial", "0x" + serial, "-url", url, "-no_nonce",
                "-CAfile", root.toString(), "-verify_other", issuing.toString());
    }

    /**
     * {@code openssl crl}: verifies the CRL's signature and prints its entries; the narration shows the verdict and
     * the entry of {@code serial} (a CRL of a used CA lists many).
     */
    public String crl(Path der, Path chain, String serial) {
        java.math.BigInteger wanted = new java.math.BigInteger(serial, 16);
        boolean[] inEntry = {false};
        return expect(line -> {
            String t = line.trim();
            if (t.startsWith("Serial Number:")) {
                inEntry[0] = new java.math.BigInteger(t.substring("Serial Number:".length()).trim(), 16).equals(wanted);
            } else if (t.startsWith("Signature")) {
                inEntry[0] = false;
            }
            return t.contains("verify") || inEntry[0];
        }, Map.of(), "crl", "-inform", "DER", "-in", der.toString(), "-CAfile", chain.toString(), "-verify", "-noout", "-text");
    }

    /** Opens a PKCS#12 with its passphrase; the passphrase reaches openssl through the environment. */
    public Result pkcs12(Path p12, String passphrase, String... options) {
        List<String> args = new ArrayList<>(List.of("pkcs12", "-in", p12.toString(), "-passin", "env:SERTEL_P12_PASSPHRASE"));
        args.addAll(List.of(options));
        Result r = run(Map.of("SERTEL_P12_PASSPHRASE", passphrase), args.toArray(String[]::new));
        narrator.openssl(shown(args), r.exit() == 0
                ? r.output().lines().filter(l -> l.startsWith("-----BEGIN PRIVATE") || l.startsWith("subject=") || l.startsWith("MAC:")).toList()
                : List.of("exit " + r.exit() + ": " + r.output().lines().findFirst().orElse("")));
        return r;
    }

    /** Runs openssl and fails on a non-zero exit; the command and the lines {@code shown} picks are narrated. */
    private String expect(java.util.function.Predicate<String> shown, Map<String, String> env, String... args) {
        Result r = run(env, args);
        narrator.openssl(shown(List.of(args)), r.output().lines().filter(shown).map(this::relative).toList());
        if (r.exit() != 0) {
            throw new JourneyFailure("openssl " + String.join(" ", args) + " failed with exit " + r.exit() + ":\n" + r.output());
        }
        return r.output();
    }

    private Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new JourneyFailure("openssl did not finish: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JourneyFailure("cannot run openssl (is it installed and on PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted", e);
        }
    }

    private String relative(String text) {
        return text.replace(dir + "/", "");
    }

    /** The command as a reader could type it in the work directory. */
    private String shown(List<String> args) {
        return "openssl " + String.join(" ", args.stream().map(this::relative).map(a -> a.contains(" ") ? "'" + a + "'" : a).toList());
    }
}
