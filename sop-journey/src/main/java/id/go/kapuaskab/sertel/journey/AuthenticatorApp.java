package id.go.kapuaskab.sertel.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an officer's phone does ("Google Authenticator"): keeps the TOTP secret of the enrolment and shows the code of
 * the moment (RFC 6238: HMAC-SHA1, 30 s, six digits). A code is used once; when this step's code was used already,
 * the next step's is shown (the server accepts one step of drift).
 */
final class AuthenticatorApp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final String secret;
    private long lastStep = Long.MIN_VALUE;

    AuthenticatorApp(String base32Secret) {
        this.secret = base32Secret;
    }

    /** The app of a person whose secret was kept in a file (the demo's admin, across runs), if there is one. */
    static AuthenticatorApp load(Path file) {
        try {
            return Files.exists(file) ? new AuthenticatorApp(Files.readString(file).strip()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The code of the current 30 s step, never one shown before: when this step's code was used already, it waits for the
     * next step, as a person would. It never shows a future step's code: the server would accept it (one step of clock
     * skew) and then refuse the real code of that step to every other client of the same authenticator.
     */
    synchronized String code() {
        long step = Instant.now().getEpochSecond() / 30;
        while (step <= lastStep) {
            sleepUntilNextStep();
            step = Instant.now().getEpochSecond() / 30;
        }
        lastStep = step;
        return code(step);
    }

    /** Sleeps until just after the next 30 s step begins. */
    static void sleepUntilNextStep() {
        try {
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next code", e);
        }
    }

    private String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(decode(secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0x0f;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base32) {
        ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : base32.toUpperCase().toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
