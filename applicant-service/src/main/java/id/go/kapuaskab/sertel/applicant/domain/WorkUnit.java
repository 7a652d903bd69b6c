package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A work unit (<i>unit kerja</i>) of an institution; it becomes the OU of the holder's certificate. */
@Entity
@Table(name = "work_unit")
public class WorkUnit {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "institution_id")
    public Institution institution;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;
}
