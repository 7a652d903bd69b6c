package id.go.kapuaskab.sertel.signing.client;

/** certificate-service's PKI could not be reached or gave no usable answer; retried, then a 503 for our caller. */
public class PkiUnavailable extends RuntimeException {

    public PkiUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
