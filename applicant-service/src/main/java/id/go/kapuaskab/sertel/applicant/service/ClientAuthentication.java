package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.ClientEvent;
import id.go.kapuaskab.sertel.applicant.domain.ClientKey;
import id.go.kapuaskab.sertel.applicant.domain.ClientSecret;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationClient;
import id.go.kapuaskab.sertel.applicant.repository.ClientAssertionUses;
import id.go.kapuaskab.sertel.applicant.repository.ClientEventRepository;
import id.go.kapuaskab.sertel.applicant.repository.ClientKeyRepository;
import id.go.kapuaskab.sertel.applicant.repository.ClientSecretRepository;
import id.go.kapuaskab.sertel.applicant.repository.IntegrationClientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * How a registered regional system proves who it is at the token endpoint: its client secret (compared as SHA-256),
 * or a JWT it signed with a registered key (RFC 7523 {@code private_key_jwt}): {@code iss} = {@code sub} = the client
 * id, {@code aud} the token endpoint or the issuer, {@code exp} at most 5 minutes ahead, a {@code jti} never seen
 * before, ES256 or RS256 only. Every outcome is in the client's history; a refusal never says which check failed.
 */
@ApplicationScoped
public class ClientAuthentication {

    /** The client a token may be issued to, or empty when it did not prove itself or is disabled. */
    public record Authenticated(IntegrationClient client, String method) {
    }

    private static final Logger LOG = Logger.getLogger(ClientAuthentication.class);
    private static final int MAX_ASSERTION = 8192;

    private final IntegrationClientRepository clients;
    private final ClientSecretRepository secrets;
    private final ClientKeyRepository keys;
    private final ClientAssertionUses uses;
    private final ClientEventRepository events;
    private final AuthConfig config;
    private final Clock clock;

    ClientAuthentication(IntegrationClientRepository clients, ClientSecretRepository secrets, ClientKeyRepository keys,
                         ClientAssertionUses uses, ClientEventRepository events, AuthConfig config, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.keys = keys;
        this.uses = uses;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public Optional<Authenticated> bySecret(String clientId, String presented) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<IntegrationClient> client = clients.findByIdOptional(clientId);
            if (client.isEmpty()) {
                return Optional.empty();
            }
            IntegrationClient c = client.get();
            Instant now = clock.instant();
            Optional<ClientSecret> secret = secrets.findByHash(RefreshTokens.hash(presented))
                    .filter(s -> s.clientId.equals(c.id) && s.validAt(now));
            if (secret.isEmpty() || c.authMethod != IntegrationClient.AuthMethod.client_secret) {
                return refused(c, now, "wrong or expired client secret");
            }
            return issued(c, now, "client_secret (" + secret.get().hint + "…)");
        });
    }

    public Optional<Authenticated> byAssertion(String assertion) {
        if (assertion == null || assertion.length() > MAX_ASSERTION) {
            return Optional.empty();
        }
        JwtContext unverified;
        String clientId;
        try {
            unverified = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification()
                    .build().process(assertion);
            clientId = unverified.getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
        if (clientId == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<IntegrationClient> client = clients.findByIdOptional(clientId);
            if (client.isEmpty()) {
                return Optional.empty();
            }
            IntegrationClient c = client.get();
            Instant now = clock.instant();
            if (c.authMethod != IntegrationClient.AuthMethod.private_key_jwt) {
                return refused(c, now, "assertion from a client registered for a secret");
            }
            Optional<JwtClaims> claims = verified(c, unverified);
            if (claims.isEmpty()) {
                return refused(c, now, "assertion not valid");
            }
            String jti = claims.get().getJwtId();
            Instant expires = Instant.ofEpochSecond(claims.get().getExpirationTime().getValue());
            if (!uses.firstUse(c.id, jti, expires.plusSeconds(60))) {
                return refused(c, now, "assertion replayed (jti seen before)");
            }
            return issued(c, now, "private_key_jwt");
        });
    }

    private Optional<JwtClaims> verified(IntegrationClient c, JwtContext unverified) {
        List<ClientKey> live = keys.liveOf(c.id);
        String kid = unverified.getJoseObjects().isEmpty() ? null : unverified.getJoseObjects().get(0).getKeyIdHeaderValue();
        for (ClientKey k : live) {
            if (kid != null && !kid.equals(k.kid)) {
                continue;
            }
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            k.algorithm.equals("ES256") ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256 : AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKey(ClientPublicKeys.key(k.publicKey, k.algorithm))
                    .setExpectedIssuer(c.id)
                    .setExpectedSubject(c.id)
                    .setExpectedAudience(config.issuer() + "/token", config.issuer())
                    .setRequireExpirationTime()
                    .setMaxFutureValidityInMinutes(5)
                    .setAllowedClockSkewInSeconds(30)
                    .setRequireJwtId()
                    .setEvaluationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.millis()))
                    .build();
            try {
                return Optional.of(consumer.process(unverified.getJwt()).getJwtClaims());
            } catch (InvalidJwtException e) {
                LOG.debugf("Assertion of %s not valid with key %s: %s", c.id, k.kid, e.getMessage());   // try the next key (rotation)
            }
        }
        return Optional.empty();
    }

    private Optional<Authenticated> issued(IntegrationClient c, Instant now, String how) {
        if (c.status != IntegrationClient.Status.ACTIVE) {
            return refused(c, now, "client disabled");
        }
        events.record(c.id, now, ClientEvent.Action.TOKEN_ISSUED, null, how);
        return Optional.of(new Authenticated(c, how));
    }

    private Optional<Authenticated> refused(IntegrationClient c, Instant now, String why) {
        events.record(c.id, now, ClientEvent.Action.TOKEN_REFUSED, null, why);
        return Optional.empty();
    }

    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredAssertions() {
        QuarkusTransaction.requiringNew().run(() -> uses.forgetExpired(clock.instant()));
    }
}
