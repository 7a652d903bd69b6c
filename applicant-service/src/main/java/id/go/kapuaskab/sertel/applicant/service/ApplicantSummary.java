package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import id.go.kapuaskab.sertel.support.pii.Pii;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of an officer's applicant list: NIK and NIP masked (the full record shows them). */
@Schema(name = "ApplicantSummary")
public record ApplicantSummary(UUID id, AccountStatus status,
                               @Schema(example = "Budi Santoso") String fullName,
                               @Schema(example = "budi@kapuaskab.go.id") String email,
                               @Schema(example = "************0001") String nikMasked,
                               @Schema(example = "**************1002", nullable = true) String nipMasked,
                               EmploymentType employmentType,
                               UUID institutionId,
                               @Schema(example = "Bidang Persandian") String workUnitName,
                               int dataVersion) {

    static ApplicantSummary of(Applicant a) {
        return new ApplicantSummary(a.id, a.account.status, a.account.fullName, a.account.email, Pii.mask(a.nik), Pii.mask(a.nip),
                a.employmentType, a.institution.id, a.workUnit.name, a.dataVersion);
    }
}
