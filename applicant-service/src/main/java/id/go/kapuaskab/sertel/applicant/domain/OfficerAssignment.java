package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A verifier serves an institution: sees its applicants and reviews their requests. */
@Entity
@Table(name = "officer_institution")
public class OfficerAssignment {

    @EmbeddedId
    public Key key;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "assigned_by")
    public UUID assignedBy;

    @Embeddable
    public record Key(@Column(name = "account_id") UUID accountId,
                      @Column(name = "institution_id") UUID institutionId) implements Serializable {
    }

    public static OfficerAssignment of(UUID accountId, UUID institutionId, UUID by, Instant now) {
        OfficerAssignment a = new OfficerAssignment();
        a.key = new Key(accountId, institutionId);
        a.assignedAt = now;
        a.assignedBy = by;
        return a;
    }
}
