package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.IntegrationClient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class IntegrationClientRepository implements PanacheRepositoryBase<IntegrationClient, String> {

    public Optional<IntegrationClient> lock(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<IntegrationClient> page(int page, int size) {
        return findAll(Sort.by("createdAt").descending()).page(Page.of(page, size)).list();
    }

    /** Clients whose tokens were retired since then: entries of the token revocation list. */
    public List<IntegrationClient> tokensRetiredSince(Instant since) {
        return list("tokenVersionAt >= ?1", since);
    }
}
