package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The requests still open per applicant, for applicant-service's status lookups of regional systems ("is a renewal
 * under way?"). Open means not finished: DRAFT, SUBMITTED, IN_REVIEW, RETURNED, APPROVED or ISSUING; the same notion
 * as the one-open-request-per-type rule. One query for the whole batch.
 */
@ApplicationScoped
public class OpenRequests {

    /** Applicants per call: one status-lookup batch of applicant-service. */
    public static final int MAX_APPLICANTS = 100;

    private final RequestRepository requests;

    OpenRequests(RequestRepository requests) {
        this.requests = requests;
    }

    /** The open requests of these applicants, grouped in the order the applicants were asked for, oldest first within. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CertificateRequest> of(Collection<UUID> applicantIds) {
        Map<UUID, List<CertificateRequest>> byApplicant = new LinkedHashMap<>();
        for (UUID id : new LinkedHashSet<>(applicantIds)) {
            byApplicant.put(id, new ArrayList<>());
        }
        for (CertificateRequest r : requests.openOf(byApplicant.keySet())) {
            byApplicant.get(r.applicantId).add(r);
        }
        return byApplicant.values().stream().flatMap(List::stream).toList();
    }
}
