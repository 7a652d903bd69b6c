package id.go.kapuaskab.sertel.applicant.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Hands mails and integration events to notification-service. Not retried here: the outbox retries with back-off, and the receiver is
 * idempotent by message id. The caller passes this service's own token (applicant-service is the token issuer, so
 * it signs its client-credentials token itself rather than asking itself over HTTP).
 */
@ApplicationScoped
public class NotificationClient {

    private static final String PEER = "notification-service";

    private final NotificationApi api;
    private final PeerCalls peers;

    NotificationClient(@RestClient NotificationApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public void message(String serviceToken, String messageJson) {
        peers.call(PEER, () -> api.message("Bearer " + serviceToken, messageJson)).expect(200, 202).discard();
    }

    /** Hands over one integration event; not retried here either (the outbox does), the receiver de-duplicates by event id. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public void integrationEvent(String serviceToken, String eventJson) {
        peers.call(PEER, () -> api.integrationEvent("Bearer " + serviceToken, eventJson)).expect(200, 202).discard();
    }
}
