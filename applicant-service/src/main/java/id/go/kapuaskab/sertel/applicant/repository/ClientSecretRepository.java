package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.ClientSecret;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClientSecretRepository implements PanacheRepositoryBase<ClientSecret, UUID> {

    public Optional<ClientSecret> findByHash(byte[] hash) {
        return find("secretHash", (Object) hash).firstResultOptional();
    }

    public List<ClientSecret> ofClient(String clientId) {
        return list("clientId", Sort.by("createdAt").descending(), clientId);
    }

    /** Gives every secret of the client that is still valid after {@code until} that end instead. */
    public int expireLiveOnes(String clientId, Instant until) {
        return update("expiresAt = ?2 where clientId = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)",
                clientId, until);
    }
}
