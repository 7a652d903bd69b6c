package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One person a regional system asked about (status lookup) or sent (staff sync), in one call: who asked, when, about
 * whom (the applicant id when known; the NIK or NIP only masked) and what was answered. Append-only: a database trigger
 * refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity
@Immutable
@Table(name = "integration_audit")
public class IntegrationAudit {

    /** What the client did. */
    public enum Operation {
        STATUS_LOOKUP,
        STAFF_SYNC,
        STAFF_SYNC_DRY_RUN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Operation operation;

    /** All rows of one call share it. */
    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(name = "item_index", nullable = false)
    public int itemIndex;

    @Column(name = "applicant_id")
    public UUID applicantId;

    /** {@link PersonKey#masked()}. */
    @Column(nullable = false)
    public String person;

    @Column(nullable = false)
    public String outcome;

    public String detail;

    @Column(name = "request_id")
    public String requestId;
}
