package id.go.kapuaskab.sertel.notification.client;

import com.fasterxml.jackson.core.type.TypeReference;
import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** applicant-service, with a time limit, a bounded retry (never of a 4xx) and a breaker; unknown people are empty. */
@ApplicationScoped
public class ApplicantClient {

    private static final String PEER = "applicant-service";
    private static final TypeReference<List<Holder>> HOLDERS = new TypeReference<>() {
    };

    private final ApplicantApi api;
    private final PeerCalls peers;

    ApplicantClient(@RestClient ApplicantApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public Optional<Holder> applicant(UUID id) {
        return peers.call(PEER, () -> api.applicant(id)).optional(Holder.class);
    }

    /** The active verifiers of an institution; empty when the institution is unknown. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public Optional<List<Holder>> verifiers(UUID institutionId) {
        return peers.call(PEER, () -> api.verifiers(institutionId)).optional(HOLDERS);
    }
}
