package id.go.kapuaskab.sertel.applicant.repository;

import id.go.kapuaskab.sertel.applicant.domain.IntegrationAudit;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The append-only record of what regional systems asked and sent: written and read, never changed (a trigger refuses it). */
@ApplicationScoped
public class IntegrationAuditRepository implements PanacheRepositoryBase<IntegrationAudit, Long> {

    /** A page, newest first, of these operations; {@code clientId} null means every client. */
    public List<IntegrationAudit> page(Collection<IntegrationAudit.Operation> operations, String clientId, Instant from, Instant to,
                                       int page, int size) {
        StringBuilder q = new StringBuilder("operation in :ops and occurredAt >= :from and occurredAt < :to");
        Parameters p = Parameters.with("ops", operations).and("from", from).and("to", to);
        if (clientId != null) {
            q.append(" and clientId = :client");
            p = p.and("client", clientId);
        }
        return find(q.toString(), Sort.descending("occurredAt", "id"), p).page(Page.of(page, size)).list();
    }
}
