package id.go.kapuaskab.sertel.testsupport;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mints access tokens in the shape applicant-service issues (see docs/ARCHITECTURE.md, "Tokens"), signed by
 * {@link TestIssuer}, plus the hostile variants every secured endpoint must refuse.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /**
     * A person's token. Officers (VERIFIER, ADMIN) logged in with their second factor, as the issuer requires of them:
     * {@code amr} is {@code ["pwd","otp"]}; for an officer without it, {@code .amr("pwd")}.
     */
    public static Builder user(UUID accountId, String role) {
        Builder b = new Builder(accountId.toString(), role).upn(role.toLowerCase() + "-" + accountId + "@kapuaskab.go.id");
        return "APPLICANT".equals(role) ? b.amr("pwd") : b.amr("pwd", "otp");
    }

    /** A registered regional system's token: its client id, the INTEGRATION role, its scopes and institutions. */
    public static Builder integration(String clientId, String scopes, UUID... institutionIds) {
        return new Builder(clientId, "INTEGRATION").upn(clientId).institutions(institutionIds).claim("scope", scopes)
                .claim("client_id", clientId);
    }

    public static String applicant(UUID accountId, UUID institutionId) {
        return user(accountId, "APPLICANT").institutions(institutionId).sign();
    }

    public static String verifier(UUID accountId, UUID... institutionIds) {
        return user(accountId, "VERIFIER").institutions(institutionIds).sign();
    }

    public static String admin(UUID accountId) {
        return user(accountId, "ADMIN").sign();
    }

    /** A service identity's token, as the client-credentials grant issues it: its client id and one role. */
    public static String service(String clientId, String role) {
        return new Builder(clientId, role).upn(clientId).sign();
    }

    /**
     * A registered regional system's token (integration client): {@code sub} and {@code client_id} are its client id,
     * the group is INTEGRATION; add its scopes with {@link Builder#scopes} and its institutions with
     * {@link Builder#institutions}.
     */
    public static Builder integration(String clientId) {
        return new Builder(clientId, "INTEGRATION").upn(clientId).claim("client_id", clientId);
    }

    public static String expired(String role) {
        return new Builder(UUID.randomUUID().toString(), role).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
    }

    public static String wrongIssuer(String role) {
        return new Builder(UUID.randomUUID().toString(), role).issuer("https://evil.example/api/v1/auth").sign();
    }

    public static String wrongAudience(String role) {
        return new Builder(UUID.randomUUID().toString(), role).audience("someone-else").sign();
    }

    /** Same key id as the real issuer, but signed by a key nobody published. */
    public static String otherKey(String role) {
        try {
            return new Builder(UUID.randomUUID().toString(), role).sign(TestIssuer.newKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) with otherwise perfect claims. */
    public static String algNone(String role) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + TestIssuer.ISSUER + "\",\"aud\":\"" + TestIssuer.AUDIENCE + "\",\"sub\":\""
                + UUID.randomUUID() + "\",\"upn\":\"x@kapuaskab.go.id\",\"groups\":[\"" + role + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** Fluent token builder; defaults to a valid five-minute token from the test issuer. */
    public static final class Builder {
        private final String subject;
        private final Set<String> groups;
        private String upn;
        private String issuer = TestIssuer.ISSUER;
        private String audience = TestIssuer.AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Instant expiresAt = issuedAt.plus(Duration.ofMinutes(5));
        private List<String> institutions = List.of();
        private String locale;
        private final java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();

        private Builder(String subject, String... groups) {
            this.subject = subject;
            this.groups = Set.of(groups);
        }

        public Builder upn(String value) {
            this.upn = value;
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder audience(String value) {
            this.audience = value;
            return this;
        }

        public Builder issuedAt(Instant value) {
            this.issuedAt = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        public Builder institutions(UUID... ids) {
            this.institutions = java.util.Arrays.stream(ids).map(UUID::toString).toList();
            return this;
        }

        /** The OAuth {@code scope} claim: the scopes, space-separated. */
        public Builder scopes(String... values) {
            return claim("scope", String.join(" ", values));
        }

        public Builder locale(String value) {
            this.locale = value;
            return this;
        }

        /** How the person authenticated (RFC 8176), e.g. {@code pwd}, {@code otp}. */
        public Builder amr(String... methods) {
            extra.put("amr", List.of(methods));
            return this;
        }

        /** Any further claim, e.g. {@code auth_time} (seconds since the epoch). */
        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        public String sign() {
            return sign(TestIssuer.keyPair().getPrivate());
        }

        String sign(PrivateKey key) {
            JwtClaimsBuilder claims = Jwt.issuer(issuer)
                    .subject(subject)
                    .upn(upn)
                    .groups(groups)
                    .audience(audience)
                    .issuedAt(issuedAt)
                    .expiresAt(expiresAt)
                    .claim("jti", UUID.randomUUID().toString());
            if (!institutions.isEmpty()) {
                claims.claim("inst", institutions);
            }
            if (locale != null) {
                claims.claim("locale", locale);
            }
            extra.forEach(claims::claim);
            return claims.jws().keyId(TestIssuer.keyId()).algorithm(SignatureAlgorithm.ES256).sign(key);
        }
    }
}
