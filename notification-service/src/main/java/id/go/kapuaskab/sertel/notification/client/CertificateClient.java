package id.go.kapuaskab.sertel.notification.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** certificate-service, with a time limit, a bounded retry (never of a 4xx) and a breaker; a missing certificate is empty. */
@ApplicationScoped
public class CertificateClient {

    private static final String CA = "certificate-service";

    private final CertificateApi api;
    private final PeerCalls peers;

    CertificateClient(@RestClient CertificateApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public ExpiringPage expiring(Instant from, Instant to, String after, int limit) {
        return peers.call(CA, () -> api.expiring(from.toString(), to.toString(), after, limit)).as(ExpiringPage.class);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public Optional<CertificateState> find(String serial) {
        return peers.call(CA, () -> api.one(serial)).optional(CertificateState.class);
    }
}
