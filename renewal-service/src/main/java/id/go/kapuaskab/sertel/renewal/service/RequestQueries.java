package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Which requests a caller may list: applicants their own (newest first), verifiers those of the
 * institutions they act for (oldest first, the order of the queue), admins all.
 */
@ApplicationScoped
public class RequestQueries {

    private final RequestRepository requests;

    RequestQueries(RequestRepository requests) {
        this.requests = requests;
    }

    public record Page(List<CertificateRequest> items, int offset, int limit, long total) {
    }

    public Page list(Caller caller, Optional<RequestState> state, int offset, int limit) {
        PanacheQuery<CertificateRequest> query;
        if (caller.isAdmin()) {
            query = requests.everything(state);
        } else if (caller.isVerifier()) {
            if (caller.institutions().isEmpty()) {
                return new Page(List.of(), offset, limit, 0);
            }
            query = requests.ofInstitutions(caller.institutions(), state);
        } else {
            query = requests.ofApplicant(caller.accountId(), state);
        }
        List<CertificateRequest> items = query.range(offset, offset + limit - 1).list();
        return new Page(items, offset, limit, query.count());
    }
}
