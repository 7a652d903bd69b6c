package id.go.kapuaskab.sertel.renewal.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads applicants' current data from applicant-service; a read, so retried (never on a 4xx). */
@ApplicationScoped
public class ApplicantClient {

    private static final String PEER = "applicant-service";

    private final ApplicantApi api;
    private final PeerCalls peers;

    ApplicantClient(@RestClient ApplicantApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    /** The current subject snapshot, or empty when applicant-service does not know the applicant. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public Optional<ApplicantSnapshot> snapshot(UUID applicantId) {
        return peers.call(PEER, () -> api.applicant(applicantId, null)).optional(ApplicantSnapshot.class);
    }

    /** The same, with the active verifiers of the applicant's institution read in the same call (for a submission). */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public Optional<ApplicantSnapshot> snapshotWithVerifiers(UUID applicantId) {
        return peers.call(PEER, () -> api.applicant(applicantId, "verifiers")).optional(ApplicantSnapshot.class);
    }
}
