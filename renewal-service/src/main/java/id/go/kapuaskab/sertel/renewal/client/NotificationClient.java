package id.go.kapuaskab.sertel.renewal.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Delivers one workflow event. Not retried here: the outbox retries with back-off, and the receiver
 * de-duplicates by {@code eventId}, so delivery is at least once.
 */
@ApplicationScoped
public class NotificationClient {

    private final NotificationApi api;
    private final Responses responses;

    NotificationClient(@RestClient NotificationApi api, Responses responses) {
        this.api = api;
        this.responses = responses;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public void deliver(String eventJson) {
        try (Response r = api.post(eventJson)) {
            if (r.getStatus() / 100 != 2) {
                throw responses.failure(r, "notification-service");
            }
        } catch (ProcessingException e) {
            throw new PeerUnavailable("notification-service unreachable", e);
        }
    }
}
