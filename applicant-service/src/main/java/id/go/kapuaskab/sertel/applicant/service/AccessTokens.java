package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationClient;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Signs access tokens. Claims are the contract of docs/ARCHITECTURE.md ("Tokens"): {@code sub} the account
 * id (or client id), {@code upn} the e-mail (or client id), {@code groups} the roles, {@code inst} the
 * institutions the person acts for, {@code locale} the preferred language, {@code sid} the login session,
 * {@code auth_time} when the person last entered the password (OIDC Core §2), {@code amr} how (RFC 8176: {@code pwd},
 * {@code otp}), {@code ver} the account's token version (services refuse versions the issuer has since retired).
 */
@ApplicationScoped
public class AccessTokens {

    private final AuthConfig config;
    private final SigningKeys keys;
    private final Clock clock;

    AccessTokens(AuthConfig config, SigningKeys keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    public String forAccount(Account account, Collection<UUID> institutions, UUID sessionId, Instant authTime, String amr) {
        JwtClaimsBuilder claims = base(account.id.toString(), account.email, Set.of(account.role.name()))
                .claim("locale", account.language)
                .claim("sid", sessionId.toString())
                .claim("auth_time", authTime.getEpochSecond())
                .claim("amr", List.of(amr.split(" ")))
                .claim("ver", account.tokenVersion);
        if (!institutions.isEmpty()) {
            claims.claim("inst", institutions.stream().map(UUID::toString).toList());
        }
        return sign(claims);
    }

    public String forClient(String clientId, List<String> roles) {
        return sign(base(clientId, clientId, Set.copyOf(roles)).claim("client_id", clientId));
    }

    /**
     * A registered regional system's token: {@code sub}, {@code upn} and {@code client_id} its id, {@code groups}
     * INTEGRATION, {@code scope} what it may do, {@code inst} the institutions whose people it may see, {@code ver} its
     * token version (raised when it is disabled or narrowed, so services refuse older tokens within seconds).
     */
    public String forIntegration(IntegrationClient client, Set<String> scopes) {
        return sign(base(client.id, client.id, Set.of("INTEGRATION"))
                .claim("client_id", client.id)
                .claim("scope", String.join(" ", scopes))
                .claim("inst", client.institutions.stream().map(UUID::toString).toList())
                .claim("ver", client.tokenVersion));
    }

    public long ttlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }

    private JwtClaimsBuilder base(String subject, String upn, Set<String> groups) {
        Instant now = clock.instant();
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .upn(upn)
                .groups(groups)
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .claim("jti", UUID.randomUUID().toString());
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(keys.keyId()).algorithm(SignatureAlgorithm.ES256).sign(keys.privateKey());
    }
}
