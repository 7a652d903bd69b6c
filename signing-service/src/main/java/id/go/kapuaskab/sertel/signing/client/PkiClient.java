package id.go.kapuaskab.sertel.signing.client;

import id.go.kapuaskab.sertel.support.client.PeerCalls;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Our CA's public PKI as this service uses it: time-stamps (B-T), OCSP answers (B-LT and the status checks before
 * signing and in verification), and the CA chain. All of it is read-only or harmless to repeat (a second
 * time-stamp request yields a second token, nothing else), so every call is retried.
 */
@ApplicationScoped
public class PkiClient {

    private static final String CA = "certificate-service";

    private final PkiApi api;
    private final PeerCalls peers;

    PkiClient(@RestClient PkiApi api, PeerCalls peers) {
        this.api = api;
        this.peers = peers;
    }

    /** A DER TimeStampResp for a DER TimeStampReq. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public byte[] timestamp(byte[] query) {
        return peers.call(CA, () -> api.timestamp(query)).bytes();
    }

    /** A DER OCSPResponse for a DER OCSPRequest. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public byte[] ocsp(byte[] request) {
        return peers.call(CA, () -> api.ocsp(request)).bytes();
    }

    /** The CA chain in PEM: the issuing CA, then the root. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = PeerUnavailable.class, abortOn = PeerRejected.class)
    public String chainPem() {
        return new String(peers.call(CA, api::chain).bytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
