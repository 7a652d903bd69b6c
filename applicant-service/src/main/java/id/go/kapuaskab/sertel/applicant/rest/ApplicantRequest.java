package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.ApplicantData;
import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new applicant, registered by an officer or by the person themself. The rules are checked by the service. */
@Schema(name = "ApplicantRegistration", description = "A new applicant. The password is chosen later, through the e-mail confirmation link.")
public record ApplicantRequest(
        @NotBlank @Size(max = 150) @Schema(description = "Full name without academic titles", example = "Budi Santoso") String fullName,
        @NotBlank @Size(max = 254) @Schema(description = "Official e-mail in one of the institution's domains", example = "budi@kapuaskab.go.id") String email,
        @NotBlank @Size(max = 32) @Schema(description = "16-digit NIK", example = "6203011208900003") String nik,
        @Size(max = 32) @Schema(description = "18-digit NIP; required for PNS and PPPK", example = "199008122015031003", nullable = true) String nip,
        @NotBlank @Size(max = 32) @Schema(description = "Indonesian phone number, stored as +62…", example = "0812-3456-7890") String phone,
        @NotBlank @Size(max = 200) @Schema(description = "Position (jabatan)", example = "Pranata Komputer Ahli Pertama") String position,
        @NotNull EmploymentType employmentType,
        @NotNull UUID institutionId,
        @NotNull UUID workUnitId,
        @Pattern(regexp = "id|en") @Schema(description = "Preferred language (default id)", example = "id", nullable = true) String language) {

    ApplicantData data() {
        return new ApplicantData(fullName, email, nik, nip, phone, position, employmentType, institutionId, workUnitId);
    }
}
