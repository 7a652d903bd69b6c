package id.go.kapuaskab.sertel.support.client;

/**
 * A peer service answered, and said no (a 4xx problem): retrying the same call gives the same answer, so no client
 * retries it and no circuit breaker counts it. Carries the peer's problem code (e.g. {@code csr.key-reused}) so the
 * caller can relay it.
 */
public class PeerRejected extends RuntimeException {

    private final int status;
    private final String code;

    public PeerRejected(int status, String code) {
        super(status + " " + code, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
