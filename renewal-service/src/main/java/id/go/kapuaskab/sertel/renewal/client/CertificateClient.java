package id.go.kapuaskab.sertel.renewal.client;

import com.fasterxml.jackson.core.type.TypeReference;
import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The CA as this service uses it. Reads are retried; so is issuing from a CSR and revoking, because both carry the
 * request id, on which the CA is idempotent. Issuing with a server-generated key is not retried here: its replay is
 * refused by design (the PKCS#12 is handed out once). A 4xx is never retried.
 */
@ApplicationScoped
public class CertificateClient {

    private static final String CA = "certificate-service";
    private static final TypeReference<List<CaRecords.Certificate>> CERTIFICATES = new TypeReference<>() {
    };

    private final CertificateApi api;
    private final PeerCalls peers;

    CertificateClient(@RestClient CertificateApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    /** Would the CA accept this CSR from the applicant with this e-mail? Throws {@link PeerRejected} with the CA's problem code when not. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public void checkCsr(String csr, String profile, String applicantEmail) {
        peers.call(CA, () -> api.checkCsr(peers.json(new CaRecords.CsrCheck(csr, profile, applicantEmail)))).expect(204, 200).discard();
    }

    /** Issues from a CSR; a replay of the same request id answers the same certificate. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public CaRecords.Issued issue(CaRecords.Issue body) {
        return issueOnce(body);
    }

    /** Issues with a key the CA generates; not retried, since a replay cannot hand out the key again. */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    public CaRecords.Issued issueGeneratedKey(CaRecords.Issue body) {
        return issueOnce(body);
    }

    private CaRecords.Issued issueOnce(CaRecords.Issue body) {
        return peers.call(CA, () -> api.issue(peers.json(body))).expect(200, 201).as(CaRecords.Issued.class);
    }

    /**
     * The holder's certificates that are neither superseded nor revoked (stored ACTIVE or SUSPENDED; an expired one
     * reads EXPIRED), newest first: all that the guards of an issuance, a renewal or a revocation look at. The CA
     * filters them, so a holder who renewed often costs no more than one who did not.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public List<CaRecords.Certificate> openOfHolder(UUID holderId) {
        return peers.call(CA, () -> api.byHolder(holderId, true)).as(CERTIFICATES);
    }

    /** One certificate, or empty when the CA has no such serial. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public Optional<CaRecords.Certificate> certificate(String serial) {
        return peers.call(CA, () -> api.one(serial)).optional(CaRecords.Certificate.class);
    }

    /** One page of the ACTIVE certificates with {@code from <= notAfter < to}; {@code after} is the previous page's {@code next}. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public CaRecords.ExpiringPage expiring(java.time.Instant from, java.time.Instant to, String after, int limit) {
        return peers.call(CA, () -> api.expiring(from.toString(), to.toString(), after, limit)).as(CaRecords.ExpiringPage.class);
    }

    /** Revokes on behalf of an approved REVOCATION request; the CA answers a replay of the same request id again. */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public CaRecords.Certificate revoke(String serial, CaRecords.Revocation body) {
        return peers.call(CA, () -> api.revoke(serial, peers.json(body))).as(CaRecords.Certificate.class);
    }
}
