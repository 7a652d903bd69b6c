package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A certificate holder's personal data. Its id is the account id; the name, official e-mail, language and
 * status live on the {@link Account}, so login and certificate subject can never disagree. {@code dataVersion}
 * counts approved changes; {@code subjectVersion} is the version at which a certificate-subject field
 * (name, e-mail, NIK, institution, unit) last changed.
 */
@Entity
@Table(name = "applicant")
public class Applicant {

    @Id
    public UUID id;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "id")
    public Account account;

    @Column(nullable = false)
    public String nik;

    public String nip;

    @Column(nullable = false)
    public String phone;

    @Column(nullable = false)
    public String position;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type", nullable = false)
    public EmploymentType employmentType;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "institution_id")
    public Institution institution;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "work_unit_id")
    public WorkUnit workUnit;

    @Column(name = "self_registered", nullable = false)
    public boolean selfRegistered;

    @Column(name = "data_version", nullable = false)
    public int dataVersion;

    @Column(name = "subject_version", nullable = false)
    public int subjectVersion;

    @Column(name = "confirmed_version")
    public Integer confirmedVersion;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;
}
