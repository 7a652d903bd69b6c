package id.go.kapuaskab.sertel.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * An independent TOTP implementation (RFC 6238): Debian's {@code oathtool}, installed when missing. Our own code
 * never computes the codes it then checks.
 */
public final class Oathtool {

    private Oathtool() {
    }

    /** The current code of a base32 secret. */
    public static String totp(String base32Secret) {
        return totpAt(base32Secret, Instant.now());
    }

    /**
     * The code of the time step holding {@code at}; e.g. the next step's code ({@code now + 30 s}), which a server
     * accepts within its one-step window when the current step's code was just used.
     */
    public static String totpAt(String base32Secret, Instant at) {
        Path oathtool = DebianPackages.ensure("oathtool", "oathtool");
        try {
            Process p = new ProcessBuilder(oathtool.toString(), "--totp", "-b", "--now", "@" + at.getEpochSecond(), base32Secret)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("\\d{6}")) {
                throw new IllegalStateException("oathtool: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A code that is surely not the current one (for refusal tests). */
    public static String wrong(String current) {
        return String.format("%06d", (Integer.parseInt(current) + 500_000) % 1_000_000);
    }
}
