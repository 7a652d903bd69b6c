package id.go.kapuaskab.sertel.renewal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** notification-service as this service uses it: the event intake and the record of reminders sent. */
@ApplicationScoped
public class NotificationClient {

    private static final String PEER = "notification-service";
    private static final TypeReference<List<ReminderSent>> REMINDERS = new TypeReference<>() {
    };

    /** One expiry reminder that left: days before expiry, and when. */
    public record ReminderSent(int thresholdDays, Instant sentAt) {
    }

    private final NotificationApi api;
    private final PeerCalls peers;

    NotificationClient(@RestClient NotificationApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    /**
     * Delivers one workflow event. Not retried here: the outbox retries with back-off, and the receiver de-duplicates
     * by {@code eventId}, so delivery is at least once.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public void deliver(String eventJson) {
        peers.call(PEER, () -> api.post(eventJson)).expect(200, 202, 204).discard();
    }

    /** When the expiry reminders of a certificate went out. Read-only, so retried. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public List<ReminderSent> remindersSent(String certificateSerial) {
        return peers.call(PEER, () -> api.reminders(certificateSerial)).as(REMINDERS);
    }
}
