package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.IntegrationClientRepository;
import id.go.kapuaskab.sertel.support.security.RevocationSource;
import id.go.kapuaskab.sertel.support.security.TokenRevocations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token revocation list this service publishes ({@code GET /api/v1/auth/revocations}) and reads itself from its
 * own database: every account and registered regional system whose token version was raised within the lifetime of an access token (plus a
 * minute), as its subject's fingerprint and the lowest version a token must carry. Older changes need no entry: the
 * tokens they retire have expired. In this service it replaces support's HTTP reader of the list.
 */
@ApplicationScoped
public class RevocationFeed implements RevocationSource {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final AccountRepository accounts;
    private final IntegrationClientRepository clients;
    private final AuthConfig config;
    private final Clock clock;

    RevocationFeed(AccountRepository accounts, IntegrationClientRepository clients, AuthConfig config, Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.config = config;
        this.clock = clock;
    }

    /** Subject fingerprint → minimum token version. */
    public Map<String, Integer> entries() {
        Instant since = clock.instant().minus(config.accessTokenTtl()).minus(MARGIN);
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            accounts.tokensRetiredSince(since).forEach(a -> out.put(TokenRevocations.fingerprint(a.id.toString()), a.tokenVersion));
            clients.tokensRetiredSince(since).forEach(c -> out.put(TokenRevocations.fingerprint(c.id), c.tokenVersion));
            return out;
        });
    }

    @Override
    public Optional<Map<String, Integer>> minimumVersions() {
        return Optional.of(entries());
    }
}
