package id.go.kapuaskab.sertel.certificate.domain;

/**
 * The life of a certificate. ACTIVE, SUPERSEDED, SUSPENDED and REVOKED are stored; EXPIRED is never stored but
 * computed from the clock ({@link Certificate#statusAt}), so no nightly batch can be late or run twice.
 */
public enum CertificateStatus {
    ACTIVE, SUPERSEDED, SUSPENDED, REVOKED, EXPIRED
}
