package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.DataChange;
import id.go.kapuaskab.sertel.applicant.domain.DataChangeStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DataChangeRepository implements PanacheRepositoryBase<DataChange, UUID> {

    public Optional<DataChange> findOpen(UUID applicantId) {
        return find("applicantId = ?1 and status = ?2", applicantId, DataChangeStatus.SUBMITTED).firstResultOptional();
    }

    public Optional<DataChange> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<DataChange> ofApplicant(UUID applicantId) {
        return list("applicantId = ?1 order by submittedAt desc", applicantId);
    }

    /** A page of the review queue, oldest first; {@code institutions} null means every institution. */
    public List<DataChange> queue(Collection<UUID> institutions, DataChangeStatus status, int page, int size) {
        StringBuilder jpql = new StringBuilder("select d from DataChange d where 1 = 1");
        if (institutions != null) {
            jpql.append(" and d.institutionId in :inst");
        }
        if (status != null) {
            jpql.append(" and d.status = :status");
        }
        TypedQuery<DataChange> q = getEntityManager().createQuery(jpql.append(" order by d.submittedAt, d.id").toString(), DataChange.class);
        if (institutions != null) {
            q.setParameter("inst", institutions);
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        return q.setFirstResult(page * size).setMaxResults(size).getResultList();
    }
}
