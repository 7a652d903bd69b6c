package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The small request bodies of this service, one record each. */
public final class SmallRequests {

    private SmallRequests() {
    }

    @Schema(name = "ConfirmationRequest", description = "\"Sesuai\": the data version the applicant checked and found correct.")
    public record Confirmation(@NotNull @Schema(example = "1") Integer dataVersion) {
    }

    @Schema(name = "EmailConfirmationRequest")
    public record EmailConfirmation(@NotBlank @Size(max = 128) @Schema(description = "The token from the mailed link", example = "q8N3…") String token,
                             @NotBlank @Size(max = 1024) @Schema(description = "The new password, at least 10 characters", example = "kata-sandi-yang-panjang") String password) {
    }

    @Schema(name = "ResendConfirmationRequest")
    public record Resend(@NotBlank @Size(max = 254) @Schema(example = "budi@kapuaskab.go.id") String email) {
    }

    @Schema(name = "RejectionRequest")
    public record Rejection(@NotBlank @Size(max = 1000) @Schema(example = "SK mutasi tidak terlampir") String reason) {
    }

    @Schema(name = "InstitutionRequest")
    public record Institution(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,31}") @Schema(example = "KOMINFO") String code,
                       @NotBlank @Size(max = 200) @Schema(example = "Dinas Kominfo Kabupaten Kapuas") String name,
                       @NotNull @Size(min = 1, max = 20) @Schema(example = "[\"kapuaskab.go.id\"]") List<String> emailDomains,
                       @Schema(description = "Default true", example = "true") Boolean active,
                       @Schema(description = "Required on update: the version read (optimistic locking)", example = "0") Long version) {
    }

    @Schema(name = "WorkUnitRequest")
    public record WorkUnit(@NotBlank @Size(max = 200) @Schema(example = "Bidang Persandian") String name,
                    @Schema(description = "Default true; false retires the unit for new data", example = "true") Boolean active) {
    }

    @Schema(name = "OfficerRequest")
    public record Officer(@NotBlank @Email @Size(max = 254) @Schema(example = "verifikator3@kapuaskab.go.id") String email,
                   @NotBlank @Size(max = 150) @Schema(example = "Dewi Lestari") String fullName,
                   @NotNull @Schema(example = "VERIFIER", enumeration = {"VERIFIER", "ADMIN"}) Role role,
                   @Size(max = 100) List<UUID> institutionIds,
                   @Pattern(regexp = "id|en") @Schema(example = "id") String language) {
    }

    @Schema(name = "AssignmentRequest")
    public record Assignment(@NotNull @Size(max = 100) List<UUID> institutionIds) {
    }
}
