package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.ClientKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClientKeyRepository implements PanacheRepositoryBase<ClientKey, UUID> {

    public List<ClientKey> ofClient(String clientId) {
        return list("clientId", Sort.by("createdAt").descending(), clientId);
    }

    public List<ClientKey> liveOf(String clientId) {
        return list("clientId = ?1 and revokedAt is null", clientId);
    }
}
