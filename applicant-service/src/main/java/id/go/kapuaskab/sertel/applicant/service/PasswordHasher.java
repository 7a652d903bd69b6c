package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.support.crypto.MemoryBudget;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=1$salt$hash}), so the
 * parameters travel with each hash and can be raised later without invalidating stored passwords.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    /** A hash to verify against when the account does not exist, so both paths cost the same. */
    private final String decoy;

    PasswordHasher(AuthConfig config) {
        this.memoryKib = config.password().memoryKib();
        this.iterations = config.password().iterations();
        this.decoy = hash("decoy-password-never-matches");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKib, iterations, 1);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    public boolean verify(String password, String phc) {
        Matcher m = PHC.matcher(phc == null ? decoy : phc);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return MessageDigest.isEqual(expected, actual) && phc != null;
    }

    /** Spends the time of one verification; used when there is no account to check against. */
    public void verifyDecoy(String password) {
        verify(password, null);
    }

    /** Whether a stored hash was made with weaker parameters than today's, so it should be re-hashed at login. */
    public boolean isOutdated(String phc) {
        Matcher m = PHC.matcher(phc);
        return !m.matches() || Integer.parseInt(m.group(1)) < memoryKib || Integer.parseInt(m.group(2)) < iterations;
    }

    /** Within the JVM's budget for memory-hard work: a burst of logins waits rather than exhausting the heap. */
    private static byte[] derive(String password, byte[] salt, int memory, int passes, int lanes) {
        return MemoryBudget.run(memory, () -> argon2(password, salt, memory, passes, lanes));
    }

    private static byte[] argon2(String password, byte[] salt, int memory, int passes, int lanes) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[HASH_BYTES];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
