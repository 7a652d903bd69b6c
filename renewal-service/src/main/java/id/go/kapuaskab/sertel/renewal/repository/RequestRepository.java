package id.go.kapuaskab.sertel.renewal.repository;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RequestRepository implements PanacheRepositoryBase<CertificateRequest, UUID> {

    private static final EnumSet<RequestState> TERMINAL = EnumSet.of(RequestState.REJECTED, RequestState.COMPLETED, RequestState.CANCELLED);

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

    /** The verifiers' queue: SUBMITTED requests of these institutions (all, for null), oldest submission first. */
    public PanacheQuery<CertificateRequest> queue(Collection<UUID> institutions) {
        if (institutions == null) {
            return find("state = ?1", Sort.ascending("submittedAt"), RequestState.SUBMITTED);
        }
        return find("state = :s and institutionId in :i", Sort.ascending("submittedAt"),
                Parameters.with("s", RequestState.SUBMITTED).and("i", institutions));
    }

    public List<CertificateRequest> inState(RequestState state) {
        return list("state", Sort.ascending("updatedAt"), state);
    }

    public boolean hasOpen(UUID applicantId, RequestType type) {
        return count("applicantId = :a and type = :t and state not in :terminal",
                Parameters.with("a", applicantId).and("t", type).and("terminal", TERMINAL)) > 0;
    }

    /** The applicant's open request of this type, if any (at most one: a partial unique index). */
    public Optional<CertificateRequest> findOpen(UUID applicantId, RequestType type) {
        return find("applicantId = :a and type = :t and state not in :terminal",
                Parameters.with("a", applicantId).and("t", type).and("terminal", TERMINAL)).firstResultOptional();
    }

    /** The requests not yet finished (neither rejected, completed nor cancelled) of these applicants, oldest first. */
    public List<CertificateRequest> openOf(Collection<UUID> applicantIds) {
        return list("applicantId in :a and state not in :terminal", Sort.ascending("createdAt", "id"),
                Parameters.with("a", applicantIds).and("terminal", TERMINAL));
    }

    /** The applicant's completed request that issued this certificate, if it was issued through us. */
    public Optional<CertificateRequest> issuerOf(UUID applicantId, String serial) {
        return find("applicantId = ?1 and issuedSerial = ?2", applicantId, serial).firstResultOptional();
    }
}
