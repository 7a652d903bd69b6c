package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.OfficerAssignment;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OfficerAssignmentRepository implements PanacheRepositoryBase<OfficerAssignment, OfficerAssignment.Key> {

    public List<UUID> institutionsOf(UUID accountId) {
        return getEntityManager().createQuery(
                        "select a.key.institutionId from OfficerAssignment a where a.key.accountId = ?1 order by a.key.institutionId", UUID.class)
                .setParameter(1, accountId)
                .getResultList();
    }

    public long removeAllOf(UUID accountId) {
        return delete("key.accountId", accountId);
    }

    /** The ACTIVE verifiers assigned to an institution, ordered by e-mail. */
    public List<Account> activeVerifiersOf(UUID institutionId) {
        return getEntityManager().createQuery("""
                        select acc from Account acc, OfficerAssignment a
                        where a.key.accountId = acc.id and a.key.institutionId = ?1 and acc.role = ?2 and acc.status = ?3
                        order by acc.email""", Account.class)
                .setParameter(1, institutionId)
                .setParameter(2, Role.VERIFIER)
                .setParameter(3, AccountStatus.ACTIVE)
                .getResultList();
    }
}
