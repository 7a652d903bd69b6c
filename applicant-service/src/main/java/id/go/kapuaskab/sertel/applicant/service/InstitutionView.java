package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Institution;
import id.go.kapuaskab.sertel.applicant.domain.WorkUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An institution with its e-mail domains and work units. */
@Schema(name = "Institution")
public record InstitutionView(UUID id,
                              @Schema(example = "KOMINFO") String code,
                              @Schema(example = "Dinas Kominfo Kabupaten Kapuas") String name,
                              boolean active,
                              @Schema(example = "[\"kapuaskab.go.id\"]") List<String> emailDomains,
                              List<UnitView> workUnits,
                              @Schema(description = "Send it back on update (optimistic locking)", example = "0") long version) {

    @Schema(name = "WorkUnit")
    public record UnitView(UUID id, @Schema(example = "Bidang Persandian") String name, boolean active) {
        static UnitView of(WorkUnit u) {
            return new UnitView(u.id, u.name, u.active);
        }
    }

    static InstitutionView of(Institution i, List<WorkUnit> units) {
        return new InstitutionView(i.id, i.code, i.name, i.active, List.copyOf(i.emailDomains),
                units.stream().map(UnitView::of).toList(), i.version);
    }
}
