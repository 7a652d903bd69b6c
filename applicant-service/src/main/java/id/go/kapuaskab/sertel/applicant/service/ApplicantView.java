package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantField;
import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An applicant's full data, for the applicant themself and for the officers of their institution. */
@Schema(name = "Applicant", description = "An applicant's data with its version and the last confirmation (SOP step 3).")
public record ApplicantView(
        @Schema(description = "Applicant id = account id = certificate holder id") UUID id,
        @Schema(example = "ACTIVE") AccountStatus status,
        @Schema(example = "Budi Santoso") String fullName,
        @Schema(example = "budi@kapuaskab.go.id") String email,
        @Schema(example = "6203015208900001") String nik,
        @Schema(example = "199008122015031002", nullable = true) String nip,
        @Schema(example = "+6281234567890") String phone,
        @Schema(example = "Pranata Komputer Ahli Pertama") String position,
        EmploymentType employmentType,
        InstitutionRef institution,
        UnitRef workUnit,
        @Schema(example = "id") String language,
        boolean selfRegistered,
        @Schema(description = "Counts approved changes; send it back when confirming or requesting a change", example = "3") int dataVersion,
        @Schema(description = "The data version at which a certificate-subject field last changed", example = "2") int subjectVersion,
        @Schema(description = "The data version the applicant last confirmed as correct (\"Sesuai\")", nullable = true, example = "3") Integer confirmedVersion,
        @Schema(nullable = true) Instant confirmedAt,
        @Schema(description = "The open data change, if any", nullable = true) UUID openDataChangeId,
        @Schema(description = "The fields that appear in the certificate", example = "[\"fullName\",\"email\",\"institutionId\",\"workUnitId\"]") List<String> certificateFields,
        @Schema(description = "The fields whose change makes the old certificate's subject stale (the certificate fields and the NIK)") List<String> subjectFields) {

    @Schema(name = "InstitutionRef")
    public record InstitutionRef(UUID id, @Schema(example = "KOMINFO") String code, @Schema(example = "Dinas Kominfo Kabupaten Kapuas") String name) {
    }

    @Schema(name = "WorkUnitRef")
    public record UnitRef(UUID id, @Schema(example = "Bidang Persandian") String name) {
    }

    static final List<String> SUBJECT_FIELDS = java.util.Arrays.stream(ApplicantField.values())
            .filter(ApplicantField::subject).map(ApplicantField::json).toList();

    static ApplicantView of(Applicant a, UUID openDataChangeId) {
        return new ApplicantView(a.id, a.account.status, a.account.fullName, a.account.email, a.nik, a.nip, a.phone, a.position,
                a.employmentType, new InstitutionRef(a.institution.id, a.institution.code, a.institution.name),
                new UnitRef(a.workUnit.id, a.workUnit.name), a.account.language, a.selfRegistered, a.dataVersion,
                a.subjectVersion, a.confirmedVersion, a.confirmedAt, openDataChangeId, ApplicantField.certificateFields(),
                SUBJECT_FIELDS);
    }
}
