package id.go.kapuaskab.sertel.applicant.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * renewal-service as status lookups and staff sync use it: one call per batch for the requests still under way (a read,
 * retried once), and a revocation request for a holder who left the service.
 */
@ApplicationScoped
public class RenewalClient {

    private static final String PEER = "renewal-service";

    /** A request not finished yet. Only the fields read here. */
    public record Open(UUID applicantId, String type, String state) {
    }

    private record Answer(List<Open> items) {
    }

    /** renewal-service's answer to a revocation ask: OPENED, ALREADY_OPEN (then the open request) or NOTHING_TO_REVOKE. */
    public record Revocation(String outcome, UUID requestId) {
    }

    private final RenewalApi api;
    private final PeerCalls peers;

    RenewalClient(@RestClient RenewalApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public List<Open> open(String serviceToken, Collection<UUID> applicantIds) {
        String body = peers.json(Map.of("applicantIds", applicantIds));
        return peers.call(PEER, () -> api.open("Bearer " + serviceToken, body)).as(Answer.class).items();
    }

    /**
     * Asks for a revocation request for a holder who left the service. Changes state, but {@code requestId} is the
     * idempotency key (renewal-service answers a repeat with the same request), so one retry is safe.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public Revocation revocation(String serviceToken, UUID requestId, UUID applicantId, String reason, String clientId, String note) {
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("requestId", requestId);
        ask.put("applicantId", applicantId);
        ask.put("reason", reason);
        ask.put("clientId", clientId);
        ask.put("note", note);
        String body = peers.json(ask);
        return peers.call(PEER, () -> api.revocation("Bearer " + serviceToken, body)).as(Revocation.class);
    }
}
