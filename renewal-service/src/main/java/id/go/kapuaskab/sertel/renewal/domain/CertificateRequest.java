package id.go.kapuaskab.sertel.renewal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One request of an applicant, scoped to the institution the applicant belonged to when it was made (and,
 * from the first submission on, to the institution of the frozen subject snapshot). State changes go through
 * {@code Transitions} only, which keeps the transition log next to the row.
 */
@Entity
@Table(name = "request")
public class CertificateRequest {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestState state;

    @Column(name = "applicant_id", nullable = false)
    public UUID applicantId;

    @Column(name = "institution_id", nullable = false)
    public UUID institutionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** PKCS#10 in PEM when the applicant keeps the key; null for a server-generated key and for revocations. */
    public String csr;

    /** The CA generates the key; the PKCS#12 is handed out once, at collection, under the applicant's passphrase. */
    @Column(name = "key_generation", nullable = false)
    public boolean keyGeneration;

    @Column(name = "key_type")
    public String keyType;

    /** For a generated key: delivered as a PKCS#12, or kept by signing-service for document signing. */
    @Enumerated(EnumType.STRING)
    @Column(name = "key_custody")
    public KeyCustody keyCustody;

    /** The kept key's id at signing-service, once collected. */
    @Column(name = "signing_key_id")
    public UUID signingKeyId;

    /** RENEWAL: the certificate renewed (the predecessor); REVOCATION: the certificate to revoke. */
    @Column(name = "certificate_serial")
    public String certificateSerial;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason")
    public RevocationReason revocationReason;

    @Column(name = "login_at")
    public Instant loginAt;

    /** SOP step 1: when the expiry reminder before this renewal left (notification-service's record), if known. */
    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    /** Whether notification-service answered about that reminder (possibly: none), so submitting asks no more. */
    @Column(name = "reminder_known", nullable = false)
    public boolean reminderKnown;

    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "claimed_by")
    public UUID claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "approved_by")
    public UUID approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The reason of the last return, rejection or cancellation. */
    public String reason;

    @Column(name = "issued_serial")
    public String issuedSerial;

    @Column(name = "issued_not_before")
    public Instant issuedNotBefore;

    @Column(name = "issued_not_after")
    public Instant issuedNotAfter;

    @Embedded
    public SubjectSnapshot snapshot;

    @Version
    public long version;

    public boolean hasSnapshot() {
        return snapshot != null && snapshot.takenAt != null;
    }
}
