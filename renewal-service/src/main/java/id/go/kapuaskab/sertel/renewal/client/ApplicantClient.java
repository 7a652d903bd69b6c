package id.go.kapuaskab.sertel.renewal.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads applicants' current data from applicant-service; a read, so retried freely. */
@ApplicationScoped
public class ApplicantClient {

    private final ApplicantApi api;
    private final Responses responses;

    ApplicantClient(@RestClient ApplicantApi api, Responses responses) {
        this.api = api;
        this.responses = responses;
    }

    /** The current subject snapshot, or empty when applicant-service does not know the applicant. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PeerUnavailable.class, ProcessingException.class}, abortOn = PeerRejected.class)
    public Optional<ApplicantSnapshot> snapshot(UUID applicantId) {
        try (Response r = api.applicant(applicantId)) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            if (r.getStatus() != 200) {
                throw responses.failure(r, "applicant-service");
            }
            return Optional.of(responses.read(r, ApplicantSnapshot.class, "applicant-service"));
        } catch (ProcessingException e) {
            throw new PeerUnavailable("applicant-service unreachable", e);
        }
    }
}
