package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.WorkUnit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WorkUnitRepository implements PanacheRepositoryBase<WorkUnit, UUID> {

    public List<WorkUnit> ofInstitution(UUID institutionId) {
        return list("institution.id", Sort.by("name"), institutionId);
    }

    public boolean nameTaken(UUID institutionId, String name, UUID except) {
        return count("institution.id = ?1 and lower(name) = lower(?2) and id <> ?3", institutionId, name, none(except)) > 0;
    }

    /** "Nobody" for an exclusion: {@code id <> null} would match no row at all. */
    private static UUID none(UUID except) {
        return except == null ? new UUID(0, 0) : except;
    }
}
