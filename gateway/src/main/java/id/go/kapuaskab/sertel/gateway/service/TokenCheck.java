package id.go.kapuaskab.sertel.gateway.service;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens before a call is routed, exactly as the services do (smallrye-jwt with the
 * {@code mp.jwt.verify.*} settings: issuer, audience, expiry, ES256 signature from the JWKS). Verification
 * runs off the event loop because the first one fetches the JWKS. A verified token is remembered until it
 * expires (bounded), so a client's repeated calls cost one map lookup; the services verify it again anyway.
 */
@ApplicationScoped
public class TokenCheck {

    private static final int MAX_REMEMBERED = 50_000;

    /** A token that passed verification: its subject (which keys the rate limit) and its expiry. */
    public record Verified(String subject, long expiresAtEpochSecond) {
    }

    private final JWTParser parser;
    private final Vertx vertx;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    TokenCheck(JWTParser parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    public Future<Verified> verify(String token) {
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAtEpochSecond() > now) {
                return Future.succeededFuture(known);
            }
            verified.remove(token);
        }
        return vertx.executeBlocking(() -> {
            try {
                JsonWebToken jwt = parser.parse(token);
                Verified caller = new Verified(jwt.getSubject(), jwt.getExpirationTime());
                if (verified.size() >= MAX_REMEMBERED) {
                    verified.entrySet().removeIf(e -> e.getValue().expiresAtEpochSecond() <= now);
                    if (verified.size() >= MAX_REMEMBERED) {
                        verified.clear();
                    }
                }
                verified.put(token, caller);
                return caller;
            } catch (ParseException e) {
                throw new InvalidToken();
            }
        }, false);
    }

    /** The token failed verification; carries no detail on purpose. */
    public static final class InvalidToken extends RuntimeException {
        InvalidToken() {
            super("invalid token", null, false, false);
        }
    }
}
