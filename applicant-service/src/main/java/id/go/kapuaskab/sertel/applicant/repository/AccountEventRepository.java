package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccountEventRepository implements PanacheRepositoryBase<AccountEvent, Long> {

    public List<AccountEvent> of(UUID accountId) {
        return list("accountId = ?1 order by occurredAt, id", accountId);
    }
}
