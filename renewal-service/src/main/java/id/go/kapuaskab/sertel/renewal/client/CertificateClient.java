package id.go.kapuaskab.sertel.renewal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The CA as this service uses it. Reads are retried; so is issuing from a CSR and revoking, because both carry
 * the request id, on which the CA is idempotent. Issuing with a server-generated key is not retried here: its
 * replay is refused by design (the PKCS#12 is handed out once).
 */
@ApplicationScoped
public class CertificateClient {

    private static final String CA = "certificate-service";

    private final CertificateApi api;
    private final Responses responses;

    CertificateClient(@RestClient CertificateApi api, Responses responses) {
        this.api = api;
        this.responses = responses;
    }

    /** Would the CA accept this CSR? Throws {@link PeerRejected} with the CA's problem code when not. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PeerUnavailable.class, ProcessingException.class}, abortOn = PeerRejected.class)
    public void checkCsr(String csr, String profile) {
        try (Response r = api.checkCsr(responses.write(new CaRecords.CsrCheck(csr, profile)))) {
            if (r.getStatus() != 204 && r.getStatus() != 200) {
                throw responses.failure(r, CA);
            }
        } catch (ProcessingException e) {
            throw new PeerUnavailable(CA + " unreachable", e);
        }
    }

    /** Issues from a CSR; a replay of the same request id answers the same certificate. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {PeerUnavailable.class, ProcessingException.class}, abortOn = PeerRejected.class)
    public CaRecords.Issued issue(CaRecords.Issue body) {
        return doIssue(body);
    }

    /** Issues with a key the CA generates; not retried, since a replay cannot hand out the key again. */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public CaRecords.Issued issueGeneratedKey(CaRecords.Issue body) {
        return doIssue(body);
    }

    private CaRecords.Issued doIssue(CaRecords.Issue body) {
        try (Response r = api.issue(responses.write(body))) {
            if (r.getStatus() != 200 && r.getStatus() != 201) {
                throw responses.failure(r, CA);
            }
            return responses.read(r, CaRecords.Issued.class, CA);
        } catch (ProcessingException e) {
            throw new PeerUnavailable(CA + " unreachable", e);
        }
    }

    /** The holder's certificates, newest first. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PeerUnavailable.class, ProcessingException.class}, abortOn = PeerRejected.class)
    public List<CaRecords.Certificate> ofHolder(UUID holderId) {
        try (Response r = api.byHolder(holderId)) {
            if (r.getStatus() != 200) {
                throw responses.failure(r, CA);
            }
            return responses.read(r, new TypeReference<List<CaRecords.Certificate>>() { }, CA);
        } catch (ProcessingException e) {
            throw new PeerUnavailable(CA + " unreachable", e);
        }
    }

    /** One certificate, or empty when the CA has no such serial. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PeerUnavailable.class, ProcessingException.class}, abortOn = PeerRejected.class)
    public Optional<CaRecords.Certificate> certificate(String serial) {
        try (Response r = api.one(serial)) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            if (r.getStatus() != 200) {
                throw responses.failure(r, CA);
            }
            return Optional.of(responses.read(r, CaRecords.Certificate.class, CA));
        } catch (ProcessingException e) {
            throw new PeerUnavailable(CA + " unreachable", e);
        }
    }

    /** Revokes on behalf of an approved REVOCATION request; the CA answers a replay of the same request id again. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {PeerUnavailable.class, ProcessingException.class}, abortOn = PeerRejected.class)
    public CaRecords.Certificate revoke(String serial, CaRecords.Revocation body) {
        try (Response r = api.revoke(serial, responses.write(body))) {
            if (r.getStatus() != 200) {
                throw responses.failure(r, CA);
            }
            return responses.read(r, CaRecords.Certificate.class, CA);
        } catch (ProcessingException e) {
            throw new PeerUnavailable(CA + " unreachable", e);
        }
    }
}
