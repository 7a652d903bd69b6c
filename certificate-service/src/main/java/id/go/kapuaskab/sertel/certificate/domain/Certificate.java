package id.go.kapuaskab.sertel.certificate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** One certificate we issued, with what relying parties and the other services need to know about it. */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    public String serial;

    @Column(name = "ca_name", nullable = false)
    public String caName;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(name = "institution_id", nullable = false)
    public UUID institutionId;

    @Column(nullable = false)
    public String profile;

    @Column(name = "subject_dn", nullable = false)
    public String subjectDn;

    @Column(name = "common_name", nullable = false)
    public String commonName;

    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_type", nullable = false)
    public KeyType keyType;

    @Column(name = "key_fingerprint", nullable = false)
    public String keyFingerprint;

    @Column(name = "key_generated", nullable = false)
    public boolean keyGenerated;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "not_after", nullable = false)
    public Instant notAfter;

    /** The stored status; read {@link #statusAt(Clock)} for what a caller should see. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificateStatus status;

    @Column(nullable = false)
    public byte[] der;

    @Column(name = "predecessor_serial")
    public String predecessorSerial;

    @Column(name = "successor_serial")
    public String successorSerial;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** When the revocation status last changed (revoked, suspended, resumed); OCSP caches watch it. */
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason")
    public RevocationReason revocationReason;

    @Column(name = "invalidity_date")
    public Instant invalidityDate;

    @Column(name = "revocation_request_id")
    public UUID revocationRequestId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** EXPIRED once notAfter has passed, unless revoked: a revoked certificate stays revoked for relying parties. */
    public CertificateStatus statusAt(Clock clock) {
        return CertificateStatus.at(status, notAfter, clock);
    }

    public boolean isOnCrl() {
        return status == CertificateStatus.REVOKED || status == CertificateStatus.SUSPENDED;
    }
}
