package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A requested change of applicant data (SOP "Perubahan Data Pemohon"): the new values of the chosen fields
 * (keys are {@link ApplicantField} names; an empty string clears an optional field), against the data
 * version they were based on.
 */
@Entity
@Table(name = "data_change")
public class DataChange {

    @Id
    public UUID id;

    @Column(name = "applicant_id", nullable = false)
    public UUID applicantId;

    /** The applicant's institution when submitted: its verifiers review the change. */
    @Column(name = "institution_id", nullable = false)
    public UUID institutionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DataChangeStatus status;

    @Column(name = "base_data_version", nullable = false)
    public int baseDataVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> changes;

    @Column(name = "subject_change", nullable = false)
    public boolean subjectChange;

    @Column(nullable = false)
    public String reason;

    /** The integration client (a staffing system) that submitted it on the applicant's behalf; null when the applicant did. */
    @Column(name = "submitted_by_client")
    public String submittedByClient;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "result_version")
    public Integer resultVersion;

    @Version
    public long version;

    public boolean isOpen() {
        return status == DataChangeStatus.SUBMITTED;
    }
}
