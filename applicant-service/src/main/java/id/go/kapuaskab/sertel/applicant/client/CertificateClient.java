package id.go.kapuaskab.sertel.applicant.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * certificate-service as the status lookups use it: one call per batch for the current certificate of each holder. A
 * read, so retried once when the CA does not answer; a regional system waits at most a few seconds for its answer.
 */
@ApplicationScoped
public class CertificateClient {

    private static final String PEER = "certificate-service";

    /** A holder's current certificate: the ACTIVE one, else the newest whatever its state. Only the fields read here. */
    public record Current(UUID holderId, String serial, String status, Instant notBefore, Instant notAfter) {
    }

    private record Answer(List<Current> items) {
    }

    private final CertificateApi api;
    private final PeerCalls peers;

    CertificateClient(@RestClient CertificateApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public List<Current> current(String serviceToken, Collection<UUID> holderIds) {
        String body = peers.json(Map.of("holderIds", holderIds));
        return peers.call(PEER, () -> api.current("Bearer " + serviceToken, body)).as(Answer.class).items();
    }
}
