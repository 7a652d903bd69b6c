package id.go.kapuaskab.sertel.renewal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/**
 * The applicant's data as it was when the request was submitted: what the verifier checks and what the
 * certificate's subject is made of. The NIK is kept because the CA needs it (to refuse a passphrase containing it)
 * and the verifier checks it; it is shown only to the holder, the institution's verifiers and admins, never logged.
 */
@Embeddable
public class SubjectSnapshot {

    @Column(name = "snap_full_name")
    public String fullName;

    @Column(name = "snap_email")
    public String email;

    @Column(name = "snap_nik")
    public String nik;

    @Column(name = "snap_institution_id")
    public UUID institutionId;

    @Column(name = "snap_institution_name")
    public String institutionName;

    @Column(name = "snap_institution_code")
    public String institutionCode;

    @Column(name = "snap_unit_name")
    public String unitName;

    @Column(name = "snap_data_version")
    public Integer dataVersion;

    @Column(name = "snap_confirmed_version")
    public Integer confirmedVersion;

    @Column(name = "snap_confirmed_at")
    public Instant confirmedAt;

    @Column(name = "snap_subject_version")
    public Integer subjectVersion;

    @Column(name = "snap_taken_at")
    public Instant takenAt;

    /**
     * The language the applicant reads mail in ({@code id} or {@code en}), taken with the snapshot and refreshed at
     * approval; not a subject item. The workflow's events carry it, so notification-service needs no lookup to write.
     */
    @Column(name = "snap_language")
    public String language;

    @Override
    public String toString() {
        return "SubjectSnapshot[dataVersion=" + dataVersion + "]";
    }
}
