package id.go.kapuaskab.sertel.certificate.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** notification-service as this service uses it: the intake of certificate events for webhook subscribers. */
@ApplicationScoped
public class NotificationClient {

    private static final String PEER = "notification-service";

    private final NotificationApi api;
    private final PeerCalls peers;

    NotificationClient(@RestClient NotificationApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    /**
     * Hands over one event. Not retried here: the outbox retries with back-off, and the receiver de-duplicates by
     * {@code eventId}, so delivery is at least once.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public void deliver(String eventJson) {
        peers.call(PEER, () -> api.post(eventJson)).expect(200, 202, 204).discard();
    }
}
