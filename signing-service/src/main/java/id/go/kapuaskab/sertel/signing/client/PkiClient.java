package id.go.kapuaskab.sertel.signing.client;

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
 * Our CA's public PKI as this service uses it: time-stamps (B-T), OCSP answers and CRLs (B-LT and the status checks
 * before signing and in verification), and the CA chain. All of it is read-only or harmless to repeat (a second
 * time-stamp request yields a second token, nothing else), so every call is retried.
 */
@ApplicationScoped
public class PkiClient {

    private final PkiApi api;

    PkiClient(@RestClient PkiApi api) {
        this.api = api;
    }

    /** A DER TimeStampResp for a DER TimeStampReq. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PkiUnavailable.class, ProcessingException.class})
    public byte[] timestamp(byte[] query) {
        return bytes(() -> api.timestamp(query), "TSA");
    }

    /** A DER OCSPResponse for a DER OCSPRequest. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PkiUnavailable.class, ProcessingException.class})
    public byte[] ocsp(byte[] request) {
        return bytes(() -> api.ocsp(request), "OCSP");
    }

    /** The current DER CRL of one of our CAs, by the name in its distribution point URL. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PkiUnavailable.class, ProcessingException.class})
    public byte[] crl(String caName) {
        return bytes(() -> api.crl(caName), "CRL " + caName);
    }

    /** The CA chain in PEM: the issuing CA, then the root. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 2, delayUnit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = {PkiUnavailable.class, ProcessingException.class})
    public String chainPem() {
        return new String(bytes(api::chain, "CA chain"), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(Supplier<Response> call, String what) {
        try (Response r = call.get()) {
            if (r.getStatus() != 200) {
                throw new PkiUnavailable(what + " answered " + r.getStatus(), null);
            }
            return r.readEntity(byte[].class);
        } catch (ProcessingException e) {
            throw new PkiUnavailable(what + " unreachable", e);
        }
    }
}
