package id.go.kapuaskab.sertel.support.security;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read once from the verified access token (claims per docs/ARCHITECTURE.md, "Tokens"):
 * the subject, the role, and the institutions the person acts for. Services scope every query with it.
 */
public record Caller(String subject, Set<String> roles, Set<UUID> institutions, String locale) {

    public static final String APPLICANT = "APPLICANT";
    public static final String VERIFIER = "VERIFIER";
    public static final String ADMIN = "ADMIN";
    public static final String RENEWAL_SERVICE = "RENEWAL_SERVICE";
    public static final String NOTIFICATION_SERVICE = "NOTIFICATION_SERVICE";
    public static final String APPLICANT_SERVICE = "APPLICANT_SERVICE";

    public static Caller of(JsonWebToken jwt) {
        if (jwt == null || jwt.getSubject() == null) {
            throw new DomainException(ProblemKind.UNAUTHENTICATED, "unauthenticated");
        }
        Set<UUID> institutions = new LinkedHashSet<>();
        Object inst = jwt.getClaim("inst");
        if (inst instanceof JsonArray array) {
            for (var value : array) {
                if (value instanceof JsonString s) {
                    parse(s.getString()).ifPresent(institutions::add);
                }
            }
        } else if (inst instanceof Collection<?> values) {
            values.forEach(v -> parse(String.valueOf(v)).ifPresent(institutions::add));
        }
        String locale = jwt.getClaim("locale") instanceof JsonString s ? s.getString()
                : jwt.getClaim("locale") == null ? null : String.valueOf((Object) jwt.getClaim("locale"));
        return new Caller(jwt.getSubject(), Set.copyOf(jwt.getGroups()), Set.copyOf(institutions), locale);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return is(ADMIN);
    }

    public boolean isVerifier() {
        return is(VERIFIER);
    }

    public boolean isApplicant() {
        return is(APPLICANT);
    }

    /** The subject as a person's account id; a service identity has none. */
    public UUID accountId() {
        return parse(subject).orElseThrow(() -> DomainException.forbidden("forbidden"));
    }

    /** Whether the person acts for this institution (admins act for all). */
    public boolean actsFor(UUID institutionId) {
        return isAdmin() || (institutionId != null && institutions.contains(institutionId));
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
