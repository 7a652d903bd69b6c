package id.go.kapuaskab.sertel.certificate.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A certificate as lists show it: the stored status and the times, no DER. Read as plain rows (not managed entities)
 * where a holder's certificates are listed for renewal-service's guards.
 */
public record CertificateListing(String serial, CertificateStatus status, UUID holderId, UUID institutionId, Instant notBefore,
                                 Instant notAfter, String predecessorSerial, String successorSerial) {

    public static CertificateListing of(Certificate c) {
        return new CertificateListing(c.serial, c.status, c.holderId, c.institutionId, c.notBefore, c.notAfter, c.predecessorSerial,
                c.successorSerial);
    }

    /** What a caller should see now ({@link CertificateStatus#at}). */
    public CertificateStatus statusAt(Clock clock) {
        return CertificateStatus.at(status, notAfter, clock);
    }
}
