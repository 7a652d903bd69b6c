package id.go.kapuaskab.sertel.renewal.repository;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RequestRepository implements PanacheRepositoryBase<CertificateRequest, UUID> {

    public PanacheQuery<CertificateRequest> ofApplicant(UUID applicantId, Optional<RequestState> state) {
        return state.map(s -> find("applicantId = :a and state = :s", Sort.descending("createdAt"),
                        Parameters.with("a", applicantId).and("s", s)))
                .orElseGet(() -> find("applicantId = :a", Sort.descending("createdAt"), Parameters.with("a", applicantId)));
    }

    public PanacheQuery<CertificateRequest> ofInstitutions(Collection<UUID> institutions, Optional<RequestState> state) {
        return state.map(s -> find("institutionId in :i and state = :s", Sort.ascending("createdAt"),
                        Parameters.with("i", institutions).and("s", s)))
                .orElseGet(() -> find("institutionId in :i", Sort.ascending("createdAt"), Parameters.with("i", institutions)));
    }

    public PanacheQuery<CertificateRequest> everything(Optional<RequestState> state) {
        return state.map(s -> find("state", Sort.ascending("createdAt"), s))
                .orElseGet(() -> findAll(Sort.ascending("createdAt")));
    }
}
