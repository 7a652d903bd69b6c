package id.go.kapuaskab.sertel.renewal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** When the expiry reminders of a certificate went out, as notification-service recorded them. Read-only, so retried. */
@ApplicationScoped
public class ReminderClient {

    /** One reminder that left: days before expiry, and when. */
    public record Sent(int thresholdDays, Instant sentAt) {
    }

    private static final TypeReference<List<Sent>> LIST = new TypeReference<>() {
    };

    private final ReminderApi api;
    private final Responses responses;
    private final ObjectMapper json;

    ReminderClient(@RestClient ReminderApi api, Responses responses, ObjectMapper json) {
        this.api = api;
        this.responses = responses;
        this.json = json;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public List<Sent> sent(String certificateSerial) {
        try (Response r = api.sent(certificateSerial)) {
            if (r.getStatus() != 200) {
                throw responses.failure(r, "notification-service");
            }
            return json.readValue(r.readEntity(String.class), LIST);
        } catch (ProcessingException e) {
            throw new PeerUnavailable("notification-service unreachable", e);
        } catch (IOException e) {
            throw new PeerUnavailable("notification-service answered something unreadable", e);
        }
    }
}
