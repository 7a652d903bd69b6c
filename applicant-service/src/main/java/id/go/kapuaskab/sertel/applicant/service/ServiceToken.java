package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * This service's own client-credentials token ({@code applicant-service}, role {@code APPLICANT_SERVICE}) for its
 * calls to other services. It is the token issuer, so it signs the token itself; kept until a minute before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    static final String CLIENT_ID = "applicant-service";

    private final AccessTokens tokens;
    private final Clock clock;
    private volatile String current;
    private volatile Instant renewAt = Instant.MIN;

    ServiceToken(AccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String get() {
        Instant now = clock.instant();
        if (current == null || now.isAfter(renewAt)) {
            current = tokens.forClient(CLIENT_ID, List.of(Caller.APPLICANT_SERVICE));
            renewAt = now.plusSeconds(Math.max(10, tokens.ttlSeconds() - 60));
        }
        return current;
    }
}
