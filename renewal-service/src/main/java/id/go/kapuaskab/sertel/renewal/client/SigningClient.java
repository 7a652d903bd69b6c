package id.go.kapuaskab.sertel.renewal.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * signing-service as the workflow uses it: a signing key kept for the holder is created there (it answers the key's
 * CSR) and its certificate bound once the CA has signed. Both calls are idempotent (the request id, the same
 * certificate), so both are retried when signing-service cannot be reached; a 4xx never is.
 */
@ApplicationScoped
public class SigningClient {

    private static final String SIGNING = "signing-service";

    private final SigningApi api;
    private final PeerCalls peers;

    SigningClient(@RestClient SigningApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    /** Creates the key (Argon2id under the passphrase takes a moment) or finds it again for the same request. */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public SigningRecords.CreatedKey createKey(SigningRecords.CreateKey body) {
        return peers.call(SIGNING, () -> api.create(peers.json(body))).expect(200, 201).as(SigningRecords.CreatedKey.class);
    }

    /** Binds the certificate the CA issued for the key; binding the same certificate again is answered the same. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public void bind(UUID keyId, SigningRecords.Binding body) {
        peers.call(SIGNING, () -> api.bind(keyId, peers.json(body))).expect(200).discard();
    }
}
