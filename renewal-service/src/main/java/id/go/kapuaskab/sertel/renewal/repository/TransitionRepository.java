package id.go.kapuaskab.sertel.renewal.repository;

import id.go.kapuaskab.sertel.renewal.domain.RequestTransition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransitionRepository implements PanacheRepositoryBase<RequestTransition, Long> {

    public List<RequestTransition> of(UUID requestId) {
        return list("requestId", Sort.ascending("id"), requestId);
    }
}
