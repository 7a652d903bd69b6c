package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An officer account (VERIFIER or ADMIN) with the institutions it serves. */
@Schema(name = "Officer")
public record OfficerView(UUID id,
                          @Schema(example = "verifikator1@kapuaskab.go.id") String email,
                          @Schema(example = "Siti Rahmawati") String fullName,
                          @Schema(example = "VERIFIER") Role role,
                          @Schema(example = "ACTIVE") AccountStatus status,
                          @Schema(example = "id") String language,
                          @Schema(description = "Assigned institutions (a verifier's scope); empty for admins, who act for all") List<UUID> institutionIds) {

    static OfficerView of(Account a, List<UUID> institutions) {
        return new OfficerView(a.id, a.email, a.fullName, a.role, a.status, a.language, institutions);
    }
}
