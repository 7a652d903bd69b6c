package id.go.kapuaskab.sertel.signing.repository;

import id.go.kapuaskab.sertel.signing.domain.SigningKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, UUID> {

    public Optional<SigningKey> findByRequestId(UUID requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** The key under a row lock: passphrase attempts on one key are counted one after the other. */
    public Optional<SigningKey> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The key a holder signs with: certified, the one whose certificate lasts longest (when even that one has expired,
     * the signing path says so rather than "no key").
     */
    public Optional<SigningKey> currentOf(UUID holderId) {
        return find("holderId = ?1 and certificate is not null", Sort.descending("notAfter"), holderId).firstResultOptional();
    }

    public List<SigningKey> ofHolder(UUID holderId, Page page) {
        return find("holderId", Sort.descending("createdAt"), holderId).page(page).list();
    }

    public List<SigningKey> ofInstitutions(Collection<UUID> institutions, Page page) {
        return find("institutionId in ?1", Sort.descending("createdAt"), institutions).page(page).list();
    }

    public List<SigningKey> all(Page page) {
        return findAll(Sort.descending("createdAt")).page(page).list();
    }
}
