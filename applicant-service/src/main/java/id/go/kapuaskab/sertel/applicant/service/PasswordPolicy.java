package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B §5.1.1.2): at least {@code sertel.auth.password.min-length}
 * characters and at most 1024; not one of the commonly used passwords ({@code common-passwords.txt}, compared
 * without case and with trailing digits and symbols removed, so "Password123!" counts as "password"); and not built
 * on the account's own e-mail name, NIK or NIP. No composition rules: they make passwords worse, not better.
 */
@ApplicationScoped
public class PasswordPolicy {

    private static final int MAX = 1024;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(AuthConfig config) {
        this.minLength = config.password().minLength();
        this.common = load();
    }

    /** Throws a {@code validation} problem on {@code field} when the password breaks a rule. */
    public void check(String field, String password, String email, List<String> personalNumbers) {
        if (password == null || password.length() < minLength || password.length() > MAX) {
            throw DomainException.invalidField(field, "password.length", minLength);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(stem(lower))) {
            throw DomainException.invalidField(field, "password.common");
        }
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        boolean personal = (local.length() >= 4 && lower.contains(local))
                || personalNumbers.stream().filter(Objects::nonNull).filter(n -> n.length() >= 6)
                .anyMatch(n -> lower.contains(n) || lower.contains(n.substring(n.length() - 6)));
        if (personal) {
            throw DomainException.invalidField(field, "password.personal");
        }
    }

    private static String stem(String password) {
        return password.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
