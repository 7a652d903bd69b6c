package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.Institution;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    public Optional<Institution> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean nameTaken(String name, UUID except) {
        return count("lower(name) = lower(?1) and id <> ?2", name, none(except)) > 0;
    }

    public List<Institution> listOrdered(boolean includeInactive) {
        return includeInactive ? listAll(Sort.by("name")) : list("active", Sort.by("name"), true);
    }

    /** "Nobody" for an exclusion: {@code id <> null} would match no row at all. */
    private static UUID none(UUID except) {
        return except == null ? new UUID(0, 0) : except;
    }
}
