package id.go.kapuaskab.sertel.certificate.domain;

import java.time.Clock;
import java.time.Instant;

/**
 * The life of a certificate. ACTIVE, SUPERSEDED, SUSPENDED and REVOKED are stored; EXPIRED is never stored but
 * computed from the clock ({@link Certificate#statusAt}), so no nightly batch can be late or run twice.
 */
public enum CertificateStatus {
    ACTIVE, SUPERSEDED, SUSPENDED, REVOKED, EXPIRED;

    /** What a caller should see of a certificate stored with {@code stored}: EXPIRED once notAfter has passed, unless revoked. */
    public static CertificateStatus at(CertificateStatus stored, Instant notAfter, Clock clock) {
        return stored != REVOKED && !clock.instant().isBefore(notAfter) ? EXPIRED : stored;
    }
}
