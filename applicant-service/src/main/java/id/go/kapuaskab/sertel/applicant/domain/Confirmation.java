package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** SOP step 3, "Sesuai": the applicant confirmed data version N at time T. Append-only in the database. */
@Entity
@Table(name = "applicant_confirmation")
public class Confirmation {

    @Id
    public UUID id;

    @Column(name = "applicant_id", nullable = false)
    public UUID applicantId;

    @Column(name = "data_version", nullable = false)
    public int dataVersion;

    @Column(name = "confirmed_at", nullable = false)
    public Instant confirmedAt;
}
