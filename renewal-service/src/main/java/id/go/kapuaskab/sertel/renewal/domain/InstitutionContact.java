package id.go.kapuaskab.sertel.renewal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** SOP step 7b evidence: the applicant's institution contacted, who was reached, how, when and what they said. */
@Entity
@Table(name = "institution_contact")
public class InstitutionContact {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "contact_person", nullable = false)
    public String contactPerson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactChannel channel;

    @Column(name = "contacted_at", nullable = false)
    public Instant contactedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactOutcome outcome;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
