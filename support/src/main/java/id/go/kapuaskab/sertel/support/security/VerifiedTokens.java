package id.go.kapuaskab.sertel.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this service has already verified, so a token used for many calls (a front end's session, a
 * service's client-credentials token) has its ES256 signature checked once, not on every request: on 2 cores the
 * JDK's P-256 verification was the largest single CPU cost of a call. The key is the whole compact token, signature
 * included, so only a byte-identical token that passed every check before is answered from here, and only until its
 * {@code exp}; anything else, expired entries included, goes through smallrye-jwt's full verification again. Bounded:
 * when full, expired entries are dropped first, then everything. Every token, remembered or fresh, is also held
 * against the issuer's short revocation list ({@link TokenRevocations}), so a deactivated account or a verifier
 * who lost an institution is refused within seconds, not when the token expires.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_ENTRIES = 10_000;

    private final JWTCallerPrincipalFactory verifier;
    private final LongSupplier epochSeconds;
    private final TokenRevocations revocations;
    private final Map<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public VerifiedTokens(TokenRevocations revocations) {
        this(new DefaultJWTCallerPrincipalFactory(), () -> Instant.now().getEpochSecond(), revocations);
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, LongSupplier epochSeconds, TokenRevocations revocations) {
        this.verifier = verifier;
        this.epochSeconds = epochSeconds;
        this.revocations = revocations;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        long now = epochSeconds.getAsLong();
        JWTCallerPrincipal known = verified.get(token);
        if (known != null) {
            if (now < known.getExpirationTime()) {
                return notRevoked(known);
            }
            verified.remove(token, known);
        }
        JWTCallerPrincipal fresh = notRevoked(verifier.parse(token, authContextInfo));
        if (fresh.getExpirationTime() > now) {
            makeRoom(now);
            verified.put(token, fresh);
        }
        return fresh;
    }

    private JWTCallerPrincipal notRevoked(JWTCallerPrincipal principal) throws ParseException {
        if (revocations != null && revocations.revoked(principal.getSubject(), principal.getClaim("ver"))) {
            throw new ParseException("the token's version was revoked by its issuer");
        }
        return principal;
    }

    private void makeRoom(long now) {
        if (verified.size() < MAX_ENTRIES) {
            return;
        }
        verified.values().removeIf(p -> p.getExpirationTime() <= now);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
    }

    int size() {
        return verified.size();
    }
}
