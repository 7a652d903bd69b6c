package id.go.kapuaskab.sertel.support.security;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read once from the verified access token (claims per docs/ARCHITECTURE.md, "Tokens"): the
 * subject, the roles, the institutions the caller acts for, the OAuth scopes of an integration client, and how the
 * person authenticated ({@code amr}). Every service decides with this one model; none parses tokens itself.
 */
public record Caller(String subject, Set<String> roles, Set<UUID> institutions, String locale, Set<String> scopes,
                     Set<String> amr, String sessionId, Instant authTime, Instant issuedAt) {

    public static final String APPLICANT = "APPLICANT";
    public static final String VERIFIER = "VERIFIER";
    public static final String ADMIN = "ADMIN";
    /** Read-only access to the audit trails. */
    public static final String AUDITOR = "AUDITOR";
    /** A registered regional system (e-office, SIMPEG, a portal); what it may do is in its scopes. */
    public static final String INTEGRATION = "INTEGRATION";
    public static final String RENEWAL_SERVICE = "RENEWAL_SERVICE";
    public static final String NOTIFICATION_SERVICE = "NOTIFICATION_SERVICE";
    public static final String APPLICANT_SERVICE = "APPLICANT_SERVICE";
    /** certificate-service's own identity: it hands certificate events (issued, revoked, …) to notification-service. */
    public static final String CERTIFICATE_SERVICE = "CERTIFICATE_SERVICE";
    public static final String SIGNING_SERVICE = "SIGNING_SERVICE";

    /** {@code amr} value of a second factor (RFC 8176): a one-time password. */
    public static final String AMR_OTP = "otp";

    public Caller {
        roles = Set.copyOf(roles);
        institutions = Set.copyOf(institutions);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        amr = amr == null ? Set.of() : Set.copyOf(amr);
    }

    /** A caller without scopes or authentication details (tests, service-internal actors). */
    public Caller(String subject, Set<String> roles, Set<UUID> institutions, String locale) {
        this(subject, roles, institutions, locale, Set.of(), Set.of(), null, null, null);
    }

    public static Caller of(JsonWebToken jwt) {
        if (jwt == null || jwt.getSubject() == null) {
            throw new DomainException(ProblemKind.UNAUTHENTICATED, "unauthenticated");
        }
        Set<UUID> institutions = new LinkedHashSet<>();
        for (String value : strings(jwt.getClaim("inst"))) {
            parse(value).ifPresent(institutions::add);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String value : strings(jwt.getClaim("scope"))) {
            scopes.addAll(Arrays.asList(value.trim().split("\\s+")));
        }
        scopes.remove("");
        Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        Instant authTime = jwt.getClaim("auth_time") instanceof JsonNumber n ? Instant.ofEpochSecond(n.longValue())
                : jwt.getClaim("auth_time") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
        Instant issuedAt = jwt.getIssuedAtTime() > 0 ? Instant.ofEpochSecond(jwt.getIssuedAtTime()) : null;
        return new Caller(jwt.getSubject(), groups, institutions, single(jwt.getClaim("locale")), scopes,
                new LinkedHashSet<>(strings(jwt.getClaim("amr"))), single(jwt.getClaim("sid")), authTime, issuedAt);
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

    public boolean isIntegration() {
        return is(INTEGRATION);
    }

    /** Whether an integration client's token carries this scope (people have none). */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Whether the person proved a second factor in this session (step-up for approvals, revocations, admin changes). */
    public boolean hasSecondFactor() {
        return amr.contains(AMR_OTP);
    }

    /** When the person's login session began: {@code auth_time} when the issuer sends it, else the token's {@code iat}. */
    public Instant sessionStart() {
        return authTime != null ? authTime : issuedAt;
    }

    /** The subject as a person's account id; a service identity has none. */
    public UUID accountId() {
        return parse(subject).orElseThrow(() -> DomainException.forbidden("forbidden"));
    }

    /** Whether the caller acts for this institution (admins act for all). */
    public boolean actsFor(UUID institutionId) {
        return isAdmin() || (institutionId != null && institutions.contains(institutionId));
    }

    /** For audit records: the subject and the roles. */
    public String describe() {
        return subject + " (" + String.join(",", roles) + ")";
    }

    private static Set<String> strings(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (var value : array) {
                if (value instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim != null) {
            out.add(single(claim));
        }
        return out;
    }

    private static String single(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString s ? s.getString() : String.valueOf(claim);
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
